import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt, tableNames } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

describe('migration 0002-devices', () => {
  it('adds devices beside existing documents, with token hashes unique', async () => {
    db = await databaseAt('0001-documents');
    await db
      .insertInto('documents')
      .values({
        collection: 'center',
        id: 'c1',
        center_id: 'c1',
        seq: 1,
        deleted: 0,
        data: '{"name":"x"}',
        server_time: 't',
        device_id: null,
        pushed_hash: null,
      })
      .execute();
    await migrateTo(db as Kysely<unknown>, '0002-devices');
    expect(await tableNames(db)).toContain('devices');
    expect(await db.selectFrom('documents').select('data').execute()).toEqual([
      { data: '{"name":"x"}' },
    ]);
    const device = {
      id: 'd1',
      center_id: 'c1',
      name: 'پذیرش',
      token_hash: 'h',
      created_at: 't',
      revoked_at: null,
      last_seen_at: null,
      enrolled_by: 's1',
    };
    await db.insertInto('devices').values(device).execute();
    await expect(
      db
        .insertInto('devices')
        .values({ ...device, id: 'd2' })
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
  });
});
