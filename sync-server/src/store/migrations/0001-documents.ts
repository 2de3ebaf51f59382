/**
 * Documents of every synced collection in one table, and the server sequence that orders them.
 * The checkpoint (`seq`) and the rest of the server's bookkeeping are columns beside the client's
 * JSON, so the server never rewrites a field a client compares.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('collection', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('center_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('server_time', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text')
    .addColumn('pushed_hash', 'text')
    .addPrimaryKeyConstraint('documents_pk', ['collection', 'id'])
    .execute();
  // The pull query: one collection of one center after a checkpoint, in seq order.
  await db.schema
    .createIndex('documents_pull')
    .on('documents')
    .columns(['collection', 'center_id', 'seq'])
    .execute();
  // A seq is handed out once; a duplicate would make a desk skip a document.
  await db.schema.createIndex('documents_seq').on('documents').column('seq').unique().execute();

  await db.schema
    .createTable('sequences')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await (db as Kysely<{ sequences: { name: string; value: number } }>)
    .insertInto('sequences')
    .values({ name: 'documents', value: 0 })
    .execute();
}
