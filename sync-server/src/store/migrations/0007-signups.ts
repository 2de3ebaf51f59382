/**
 * Center sign-ups (C1) waiting for their SMS code. The manager's password is kept only as its
 * PBKDF2 hash, and only until the sign-up is finished or pruned.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('signups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mobile', 'text', (c) => c.notNull())
    // SHA-256 of the client IP: enough for the per-IP limit without keeping addresses.
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('center_name', 'text', (c) => c.notNull())
    .addColumn('center_type', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('manager_gender', 'text', (c) => c.notNull())
    .addColumn('manager_first_name', 'text', (c) => c.notNull())
    .addColumn('manager_last_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consumed_at', 'text')
    .addColumn('center_id', 'text')
    .execute();
  await db.schema
    .createIndex('signups_mobile')
    .on('signups')
    .columns(['mobile', 'created_at'])
    .execute();
  await db.schema
    .createIndex('signups_ip')
    .on('signups')
    .columns(['ip_hash', 'created_at'])
    .execute();
}
