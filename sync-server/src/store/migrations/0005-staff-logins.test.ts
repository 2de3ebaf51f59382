import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

function staff(id: string, seq: number, mobile: string, deleted = 0) {
  return {
    collection: 'staff',
    id,
    center_id: 'c1',
    seq,
    deleted,
    data: JSON.stringify({ mobile, kind: 'manager' }),
    server_time: 't',
    device_id: null,
    pushed_hash: null,
  };
}

describe('migration 0005-staff-logins', () => {
  it('backfills the mobiles of live staff and skips those without one', async () => {
    db = await databaseAt('0004-appointment-slots');
    await db
      .insertInto('documents')
      .values([
        staff('s1', 1, '+989120000000'),
        staff('s2', 2, ''),
        staff('s3', 3, '+989121111111', 1),
      ])
      .execute();
    await migrateTo(db as Kysely<unknown>, '0005-staff-logins');
    expect(await db.selectFrom('staff_logins').selectAll().execute()).toEqual([
      { staff_id: 's1', center_id: 'c1', mobile: '+989120000000' },
    ]);
  });
});
