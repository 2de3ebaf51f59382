import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt, tableNames } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

describe('migration 0014-one-time-codes', () => {
  it('adds challenges (hashes only) and the log every code limit counts', async () => {
    db = await databaseAt('0013-server-cursors');
    await migrateTo(db as Kysely<unknown>, '0014-one-time-codes');
    const tables = await tableNames(db);
    expect(tables).toContain('otp_challenges');
    expect(tables).toContain('code_sends');
    await db
      .insertInto('code_sends')
      .values({ subject: '+989121234567', ip_hash: 'h', purpose: 'enrollment', sent_at: 't' })
      .execute();
    await db
      .insertInto('code_sends')
      .values({ subject: '+989121234567', ip_hash: 'h', purpose: 'signup', sent_at: 't' })
      .execute();
    const ids = await db.selectFrom('code_sends').select('id').orderBy('id').execute();
    expect(ids.map((r) => Number(r.id))).toEqual([1, 2]);
  });
});
