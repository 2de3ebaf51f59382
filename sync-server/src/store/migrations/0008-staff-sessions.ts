/**
 * Staff logged in on desks, counted against the licence's seats across all desks of a center. A
 * session is live while it is not closed and its last heartbeat is recent (SESSION_TTL_MS).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('center_id', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('staff_sessions_center')
    .on('staff_sessions')
    .columns(['center_id', 'closed_at', 'last_seen_at'])
    .execute();
  await db.schema
    .createIndex('staff_sessions_device')
    .on('staff_sessions')
    .columns(['device_id', 'staff_id'])
    .execute();
}
