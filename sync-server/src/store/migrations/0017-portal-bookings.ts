/**
 * Which portal account made which booking (the appointment document itself is the booking, synced
 * like any other), and its prepayment state (P5): a held booking carries `hold_until`, and the
 * sweep that releases lapsed holds reads them by (payment_status, hold_until).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('portal_bookings')
    .addColumn('appointment_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('center_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull())
    .addColumn('price_rial', 'integer', (c) => c.notNull())
    .addColumn('payment_status', 'text', (c) => c.notNull())
    .addColumn('hold_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('portal_bookings_account')
    .on('portal_bookings')
    .columns(['account_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('portal_bookings_hold')
    .on('portal_bookings')
    .columns(['payment_status', 'hold_until'])
    .execute();
}
