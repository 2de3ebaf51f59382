import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

function appointment(id: string, seq: number, fields: Record<string, unknown>, deleted = 0) {
  const data = { providerId: 'p1', date: '2025-03-01', start: 600, end: 630, overbook: false };
  return {
    collection: 'appointments',
    id,
    center_id: 'c1',
    seq,
    deleted,
    data: JSON.stringify({ ...data, ...fields }),
    server_time: 't',
    device_id: null,
    pushed_hash: null,
  };
}

describe('migration 0004-appointment-slots', () => {
  it('backfills one slot row per live booking, holding only for slot-holding statuses', async () => {
    db = await databaseAt('0003-enrollments');
    await db
      .insertInto('documents')
      .values([
        appointment('a1', 1, { status: 'booked' }),
        appointment('a2', 2, { status: 'cancelled', start: 700, end: 720 }),
        appointment('a3', 3, { status: 'booked', overbook: true }),
        appointment('a4', 4, { status: 'booked' }, 1),
        { ...appointment('x', 5, {}), collection: 'patients' },
      ])
      .execute();
    await migrateTo(db as Kysely<unknown>, '0004-appointment-slots');
    const slots = await db
      .selectFrom('appointment_slots')
      .selectAll()
      .orderBy('appointment_id')
      .execute();
    expect(slots).toEqual([
      {
        appointment_id: 'a1',
        center_id: 'c1',
        provider_id: 'p1',
        date: '2025-03-01',
        start_min: 600,
        end_min: 630,
        holds: 1,
        overbook: 0,
        seq: 1,
      },
      expect.objectContaining({ appointment_id: 'a2', holds: 0, start_min: 700 }),
      expect.objectContaining({ appointment_id: 'a3', holds: 1, overbook: 1 }),
    ]);
  });
});
