/**
 * Failed portal logins per mobile (S4): besides the per-IP limit, a mobile that failed too often in
 * a short time is refused for a while, so a password cannot be guessed from many addresses.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('portal_login_failures')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('mobile', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('portal_login_failures_mobile')
    .on('portal_login_failures')
    .columns(['mobile', 'failed_at'])
    .execute();
}
