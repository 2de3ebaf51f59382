/**
 * Opens the embedded SQLite store: one file in the data folder (`sync.sqlite`), or `:memory:` for
 * tests. One server process per file: the write order guarantee comes from this process being the
 * only writer (see sync-store.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { KyselySyncStore } from './kysely-store';
import { migrateToLatest } from './migrations/index';
import type { SyncDatabase } from './schema';
import type { SyncStore } from './sync-store';

export const SQLITE_FILE_NAME = 'sync.sqlite';

/** A path ending like this names the database file itself rather than the data folder. */
const FILE_PATH = /\.(sqlite3?|db)$/i;

/**
 * A better-sqlite3 database with the server's pragmas, not yet migrated (migration tests use it).
 * `location` is the data folder (the file is `sync.sqlite` in it), a `.sqlite` file, or `:memory:`.
 */
export function openSqliteDatabase(location: string): Database.Database {
  let file = ':memory:';
  if (location !== ':memory:') {
    file = FILE_PATH.test(location) ? location : path.join(location, SQLITE_FILE_NAME);
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }
  const sqlite = new Database(file);
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  // FULL: a push the server acknowledged survives a power cut (desks forget what they pushed).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

export function kyselyOverSqlite(sqlite: Database.Database): Kysely<SyncDatabase> {
  return new Kysely<SyncDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/**
 * Opens (creating if needed) and migrates the store in the data folder `location` (or the
 * `.sqlite` file it names), or in memory for `':memory:'`.
 */
export async function openSqliteStore(location: string): Promise<SyncStore> {
  const db = kyselyOverSqlite(openSqliteDatabase(location));
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselySyncStore(db, 'sqlite');
}
