import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt, tableNames } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

describe('migration 0006-licences', () => {
  it('adds one licence row per center, keeping the payload text byte for byte', async () => {
    db = await databaseAt('0005-staff-logins');
    await migrateTo(db as Kysely<unknown>, '0006-licences');
    expect(await tableNames(db)).toContain('licences');
    // Spacing and key order that a JSON round trip would lose: the signature covers this text.
    const payload = '{"b":1, "a":"۲"}';
    const row = {
      center_id: 'c1',
      licence_id: 'l1',
      key_id: 'k1',
      payload,
      signature: 's',
      issued_at: 't',
    };
    await db.insertInto('licences').values(row).execute();
    expect(await db.selectFrom('licences').select('payload').execute()).toEqual([{ payload }]);
    await expect(
      db
        .insertInto('licences')
        .values({ ...row, licence_id: 'l2' })
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
  });
});
