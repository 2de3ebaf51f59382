import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt, tableNames } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

describe('migration 0010-posts', () => {
  it('adds posts whose text is kept exactly as written', async () => {
    db = await databaseAt('0009-gallery-images');
    await migrateTo(db as Kysely<unknown>, '0010-posts');
    expect(await tableNames(db)).toContain('posts');
    const body = '<b>ساعت کاری</b>\n  شنبه تا پنجشنبه ';
    await db
      .insertInto('posts')
      .values({
        id: 'p1',
        center_id: 'c1',
        title: 'عنوان',
        body,
        published: 1,
        created_at: 't',
        updated_at: 't',
        created_by: 's1',
        updated_by: 's1',
      })
      .execute();
    expect(await db.selectFrom('posts').select(['body', 'published']).execute()).toEqual([
      { body, published: 1 },
    ]);
  });
});
