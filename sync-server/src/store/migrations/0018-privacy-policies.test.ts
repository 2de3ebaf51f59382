import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt, tableNames } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

describe('migration 0018-privacy-policies', () => {
  it('adds policy versions, one row per version', async () => {
    db = await databaseAt('0017-portal-bookings');
    await migrateTo(db as Kysely<unknown>, '0018-privacy-policies');
    expect(await tableNames(db)).toContain('privacy_policies');
    const v = { version: '1', published_at: 't', effective_at: 't', text: 'متن' };
    await db.insertInto('privacy_policies').values(v).execute();
    await expect(db.insertInto('privacy_policies').values(v).execute()).rejects.toThrow();
  });
});
