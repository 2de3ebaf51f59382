/**
 * The SMS worker's view of the `messages` documents: status and due time are derived from each
 * stored document (kept in step inside every write), the rest is the worker's own bookkeeping
 * (lease, back-off, delivery polling), which never goes into the synced document.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sms_queue')
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('center_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('send_after', 'text', (c) => c.notNull())
    // Back-off after a failed attempt: not before this instant.
    .addColumn('next_attempt_at', 'text')
    // A claim: the worker holding `lease_token` owns the send until `lease_until`.
    .addColumn('lease_until', 'text')
    .addColumn('lease_token', 'text')
    .addColumn('provider', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('provider_message_id', 'text', (c) => c.notNull().defaultTo(''))
    // Delivery reports are polled until this is null.
    .addColumn('next_poll_at', 'text')
    .addColumn('polls', 'integer', (c) => c.notNull().defaultTo(0))
    // What a reminder was made for (its visit, `YYYY-MM-DD start`): a moved booking gets a new one.
    .addColumn('about', 'text')
    .execute();
  await db.schema
    .createIndex('sms_queue_due')
    .on('sms_queue')
    .columns(['status', 'send_after'])
    .execute();
  await db.schema
    .createIndex('sms_queue_poll')
    .on('sms_queue')
    .columns(['status', 'next_poll_at'])
    .execute();
}
