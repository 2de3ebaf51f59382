import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt, tableNames } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

const doc = (id: string, seq: number) => ({
  collection: 'patients',
  id,
  center_id: 'c1',
  seq,
  deleted: 0,
  data: '{}',
  server_time: '2025-01-01T00:00:00.000Z',
  device_id: null,
  pushed_hash: null,
});

describe('migration 0001-documents', () => {
  it('creates documents with (collection, id) as key, unique seqs and a counter at 0', async () => {
    db = await databaseAt(null);
    await migrateTo(db as Kysely<unknown>, '0001-documents');
    expect(await tableNames(db)).toEqual(expect.arrayContaining(['documents', 'sequences']));
    const counter = await db.selectFrom('sequences').selectAll().execute();
    expect(counter).toEqual([{ name: 'documents', value: 0 }]);

    await db.insertInto('documents').values(doc('a', 1)).execute();
    // The same id in another collection is another document.
    await db
      .insertInto('documents')
      .values({ ...doc('a', 2), collection: 'staff' })
      .execute();
    await expect(db.insertInto('documents').values(doc('a', 3)).execute()).rejects.toThrow(
      /UNIQUE/,
    );
    await expect(db.insertInto('documents').values(doc('b', 1)).execute()).rejects.toThrow(
      /UNIQUE/,
    );
    const indexes = (await db.introspection.getTables()).find((t) => t.name === 'documents');
    expect(indexes?.columns.map((c) => c.name)).toEqual([
      'collection',
      'id',
      'center_id',
      'seq',
      'deleted',
      'data',
      'server_time',
      'device_id',
      'pushed_hash',
    ]);
  });
});
