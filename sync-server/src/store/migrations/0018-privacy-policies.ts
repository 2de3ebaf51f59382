/**
 * Privacy policy versions (P3, P11): each published version with the instant it takes effect; the
 * current one is the newest already in effect, an upcoming one is announced before it applies.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('privacy_policies')
    .addColumn('version', 'text', (c) => c.primaryKey())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('effective_at', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('privacy_policies_effective')
    .on('privacy_policies')
    .column('effective_at')
    .execute();
}
