import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt, tableNames } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

describe('migration 0003-enrollments', () => {
  it('adds enrollments, keeping devices, with attempts starting at 0', async () => {
    db = await databaseAt('0002-devices');
    await db
      .insertInto('devices')
      .values({
        id: 'd1',
        center_id: 'c1',
        name: 'n',
        token_hash: 'h',
        created_at: 't',
        revoked_at: null,
        last_seen_at: null,
        enrolled_by: 's1',
      })
      .execute();
    await migrateTo(db as Kysely<unknown>, '0003-enrollments');
    expect(await tableNames(db)).toContain('enrollments');
    expect(await db.selectFrom('devices').select('id').execute()).toEqual([{ id: 'd1' }]);
    await db
      .insertInto('enrollments')
      .values({
        id: 'e1',
        mobile: '+989120000000',
        staff_id: 's1',
        center_id: 'c1',
        device_name: 'n',
        code_hash: 'h',
        created_at: '2025-01-01T00:00:00.000Z',
        expires_at: '2025-01-01T00:05:00.000Z',
        consumed_at: null,
      } as never)
      .execute();
    expect(await db.selectFrom('enrollments').select('attempts').execute()).toEqual([
      { attempts: 0 },
    ]);
  });
});
