import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt, tableNames } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

describe('migration 0008-staff-sessions', () => {
  it('adds staff sessions, open until closed_at is set', async () => {
    db = await databaseAt('0007-signups');
    await migrateTo(db as Kysely<unknown>, '0008-staff-sessions');
    expect(await tableNames(db)).toContain('staff_sessions');
    const session = {
      id: 'x1',
      center_id: 'c1',
      staff_id: 's1',
      device_id: 'd1',
      opened_at: 't',
      last_seen_at: 't',
      closed_at: null,
    };
    await db.insertInto('staff_sessions').values(session).execute();
    await expect(db.insertInto('staff_sessions').values(session).execute()).rejects.toThrow(
      /UNIQUE/,
    );
    expect(await db.selectFrom('staff_sessions').selectAll().execute()).toEqual([session]);
  });
});
