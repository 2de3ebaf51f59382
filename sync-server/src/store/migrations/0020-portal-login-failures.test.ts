import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt, tableNames } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

describe('migration 0020-portal-login-failures', () => {
  it('adds failed logins numbered by the database', async () => {
    db = await databaseAt('0019-patient-national-ids');
    await migrateTo(db as Kysely<unknown>, '0020-portal-login-failures');
    expect(await tableNames(db)).toContain('portal_login_failures');
    await db
      .insertInto('portal_login_failures')
      .values([
        { mobile: '+989121111111', failed_at: 't1' },
        { mobile: '+989121111111', failed_at: 't2' },
      ])
      .execute();
    const rows = await db.selectFrom('portal_login_failures').select('id').orderBy('id').execute();
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
  });
});
