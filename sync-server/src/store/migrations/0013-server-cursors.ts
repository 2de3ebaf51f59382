/**
 * Named positions of the server's own scans over the documents (the reminder scheduler's last
 * appointment seq), so a restart resumes where it stopped instead of rescanning everything.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('server_cursors')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
}
