import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt, tableNames } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

describe('migration 0007-signups', () => {
  it('adds sign-ups with no attempts, not consumed and no center by default', async () => {
    db = await databaseAt('0006-licences');
    await migrateTo(db as Kysely<unknown>, '0007-signups');
    expect(await tableNames(db)).toContain('signups');
    await db
      .insertInto('signups')
      .values({
        id: 's1',
        mobile: '+989120000000',
        ip_hash: 'h',
        center_name: 'مرکز',
        center_type: 'clinic',
        city: '',
        manager_gender: 'female',
        manager_first_name: 'الف',
        manager_last_name: 'ب',
        password_hash: 'p',
        code_hash: 'c',
        created_at: 't',
        expires_at: 'e',
        // Without the columns that have defaults: the defaults are what this checks.
      } as never)
      .execute();
    expect(
      await db.selectFrom('signups').select(['attempts', 'consumed_at', 'center_id']).execute(),
    ).toEqual([{ attempts: 0, consumed_at: null, center_id: null }]);
  });
});
