import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt, tableNames } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

describe('migration 0013-server-cursors', () => {
  it('keeps one value per named scan', async () => {
    db = await databaseAt('0012-sms-queue');
    await migrateTo(db as Kysely<unknown>, '0013-server-cursors');
    expect(await tableNames(db)).toContain('server_cursors');
    await db.insertInto('server_cursors').values({ name: 'reminders', value: 42 }).execute();
    await expect(
      db.insertInto('server_cursors').values({ name: 'reminders', value: 1 }).execute(),
    ).rejects.toThrow();
  });
});
