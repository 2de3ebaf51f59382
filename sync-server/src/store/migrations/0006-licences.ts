/**
 * Each center's current signed licence (C11). Not a synced document: desks fetch it by its own
 * route and check the signature themselves, and the operator changes it from the CLI.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('licences')
    .addColumn('center_id', 'text', (c) => c.primaryKey())
    .addColumn('licence_id', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    // The payload's exact JSON text: the signature covers these bytes, so it is never re-serialized.
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();
}
