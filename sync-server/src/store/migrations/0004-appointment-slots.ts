/**
 * Which booking holds which provider time, derived from `appointments` documents so that slot
 * arbitration is one indexed query inside the push transaction.
 *
 * Hazard: the backfill freezes the slot-holding statuses as they were when this migration was
 * written. It must not import the domain code, whose list may change later; a later change of the
 * list needs its own migration that recomputes `holds`.
 */
import type { Kysely } from 'kysely';

const HOLDING_AT_0004 = new Set(['held', 'booked', 'checked-in', 'done', 'no-show']);

interface Tables {
  documents: {
    collection: string;
    id: string;
    center_id: string;
    seq: number;
    deleted: number;
    data: string;
  };
  appointment_slots: {
    appointment_id: string;
    center_id: string;
    provider_id: string;
    date: string;
    start_min: number;
    end_min: number;
    holds: number;
    overbook: number;
    seq: number;
  };
}

export async function up(raw: Kysely<unknown>): Promise<void> {
  const db = raw as Kysely<Tables>;
  await db.schema
    .createTable('appointment_slots')
    .addColumn('appointment_id', 'text', (c) => c.primaryKey())
    .addColumn('center_id', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('start_min', 'integer', (c) => c.notNull())
    .addColumn('end_min', 'integer', (c) => c.notNull())
    .addColumn('holds', 'integer', (c) => c.notNull())
    .addColumn('overbook', 'integer', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appointment_slots_provider_day')
    .on('appointment_slots')
    .columns(['center_id', 'provider_id', 'date', 'holds'])
    .execute();

  const rows = await db
    .selectFrom('documents')
    .select(['id', 'center_id', 'seq', 'data'])
    .where('collection', '=', 'appointments')
    .where('deleted', '=', 0)
    .execute();
  for (const row of rows) {
    const a = JSON.parse(row.data) as Record<string, unknown>;
    await db
      .insertInto('appointment_slots')
      .values({
        appointment_id: row.id,
        center_id: row.center_id,
        provider_id: String(a.providerId),
        date: String(a.date),
        start_min: Number(a.start),
        end_min: Number(a.end),
        holds: HOLDING_AT_0004.has(String(a.status)) ? 1 : 0,
        overbook: a.overbook === true ? 1 : 0,
        seq: Number(row.seq),
      })
      .execute();
  }
}
