/**
 * A center's outside-service settings (its SMS provider, its payment gateway), kept on the server
 * only. The secret part (API key, merchant id) is sealed with the data folder's settings key
 * (secrets/secret-box.ts) before it reaches this table, so a copied database alone reveals no key.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('provider_settings')
    .addColumn('center_id', 'text', (c) => c.notNull())
    // 'sms' or 'gateway'.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    // What may be shown (sender line), as JSON text.
    .addColumn('public_json', 'text', (c) => c.notNull())
    .addColumn('sealed_secret', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('provider_settings_pk', ['center_id', 'kind'])
    .execute();
}
