/** Builds a database at an older schema version, for the per-migration tests. */
import type { Kysely } from 'kysely';
import { kyselyOverSqlite, openSqliteDatabase } from '../sqlite-store';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';

export async function databaseAt(name: string | null): Promise<Kysely<SyncDatabase>> {
  const db = kyselyOverSqlite(openSqliteDatabase(':memory:'));
  if (name !== null) await migrateTo(db as Kysely<unknown>, name);
  return db;
}

export async function tableNames(db: Kysely<SyncDatabase>): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.map((t) => t.name).sort();
}
