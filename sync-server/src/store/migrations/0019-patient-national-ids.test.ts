import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

function patient(id: string, nationalId: string, deleted = 0) {
  return {
    collection: 'patients',
    id,
    center_id: 'c1',
    seq: Number(id.slice(1)),
    deleted,
    data: JSON.stringify({ id, firstName: 'سارا', nationalId }),
    server_time: 't',
    device_id: null,
    pushed_hash: null,
  };
}

describe('migration 0019-patient-national-ids', () => {
  it('indexes the stored live patients that have a national id', async () => {
    db = await databaseAt('0018-privacy-policies');
    await db
      .insertInto('documents')
      .values([patient('p1', '0012345679'), patient('p2', ''), patient('p3', '1234567891', 1)])
      .execute();
    await migrateTo(db as Kysely<unknown>, '0019-patient-national-ids');
    expect(await db.selectFrom('patient_national_ids').selectAll().execute()).toEqual([
      { patient_id: 'p1', center_id: 'c1', national_id: '0012345679' },
    ]);
  });
});
