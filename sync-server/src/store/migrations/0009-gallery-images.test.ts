import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt, tableNames } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

describe('migration 0009-gallery-images', () => {
  it('adds gallery images, each owned by one center', async () => {
    db = await databaseAt('0008-staff-sessions');
    await migrateTo(db as Kysely<unknown>, '0009-gallery-images');
    expect(await tableNames(db)).toContain('gallery_images');
    const image = {
      id: 'i1',
      center_id: 'c1',
      file_name: 'نما.jpg',
      caption: '',
      width: 1600,
      height: 900,
      bytes: 12345,
      created_at: 't',
      created_by: 's1',
    };
    await db.insertInto('gallery_images').values(image).execute();
    await expect(
      db
        .insertInto('gallery_images')
        .values({ ...image, center_id: 'c2' })
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
    expect(await db.selectFrom('gallery_images').selectAll().execute()).toEqual([image]);
  });
});
