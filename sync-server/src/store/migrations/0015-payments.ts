/**
 * Online payments (C7, P5, P10, S2): one row per attempt at a gateway. No card data is stored:
 * only what the gateway returns after payment (its reference id and the card number as the
 * gateway already masked it, e.g. 6037-99**-****-1234; anything that looks like a full card
 * number is never written). The payer's IP and user agent are kept so failed attempts can be traced.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('center_id', 'text', (c) => c.notNull())
    .addColumn('gateway', 'text', (c) => c.notNull())
    .addColumn('amount_rial', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'text', (c) => c.notNull())
    .addColumn('appointment_id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull())
    // The gateway's id for the attempt (ZarinPal authority, Zibal trackId); '' until requested.
    .addColumn('authority', 'text', (c) => c.notNull())
    // pending | verified | failed | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('payer_ip', 'text', (c) => c.notNull())
    .addColumn('payer_user_agent', 'text', (c) => c.notNull())
    // Where the browser goes after the callback (the portal's result page).
    .addColumn('result_url', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('card_masked', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('failure_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ledger_entry_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('payments_authority')
    .on('payments')
    .columns(['gateway', 'authority'])
    .execute();
  await db.schema
    .createIndex('payments_center')
    .on('payments')
    .columns(['center_id', 'created_at'])
    .execute();
}
