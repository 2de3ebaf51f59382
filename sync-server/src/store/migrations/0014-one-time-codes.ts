/**
 * One-time codes beyond enrollment and sign-up (patient mobile and email verification, password
 * reset), and one log of every code sent for any purpose, which the per-number and per-IP limits
 * count. Codes are kept only as hashes bound to their challenge; IPs only as hashes.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('otp_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    // +989… or a lower-cased email address.
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consumed_at', 'text')
    // After a right code: the hash of the one-use token that proves it, and its expiry.
    .addColumn('proof_hash', 'text')
    .addColumn('proof_expires_at', 'text')
    .addColumn('proof_used_at', 'text')
    .execute();
  await db.schema.createIndex('otp_proof').on('otp_challenges').column('proof_hash').execute();
  await db.schema
    .createTable('code_sends')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('code_sends_subject')
    .on('code_sends')
    .columns(['subject', 'sent_at'])
    .execute();
  await db.schema
    .createIndex('code_sends_ip')
    .on('code_sends')
    .columns(['ip_hash', 'sent_at'])
    .execute();
}
