import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt, tableNames } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

describe('migration 0011-provider-settings', () => {
  it('keeps one SMS and one gateway setting per center', async () => {
    db = await databaseAt('0010-posts');
    await migrateTo(db as Kysely<unknown>, '0011-provider-settings');
    expect(await tableNames(db)).toContain('provider_settings');
    const row = {
      center_id: 'c1',
      kind: 'sms',
      provider: 'kavenegar',
      public_json: '{"sender":"10004346"}',
      sealed_secret: 'v1:a:b:c',
      updated_at: 't',
      updated_by: 's1',
    };
    await db.insertInto('provider_settings').values(row).execute();
    await db
      .insertInto('provider_settings')
      .values({ ...row, kind: 'gateway' })
      .execute();
    await expect(db.insertInto('provider_settings').values(row).execute()).rejects.toThrow();
    expect(await db.selectFrom('provider_settings').select('kind').execute()).toHaveLength(2);
  });
});
