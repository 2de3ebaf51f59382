/**
 * SQLite files: one better-sqlite3 connection per database file per process, shared by every
 * storage instance (collection) of that RxDB database and reference-counted.
 *
 * HAZARDS:
 * - Durability. In WAL mode `synchronous = NORMAL` syncs the WAL only at checkpoints: a committed
 *   transaction survives the process being killed (the WAL is in the OS page cache) but NOT a power
 *   cut or an OS crash, which can roll back the last commits after RxDB has already told the UI
 *   "saved". A clinic desk loses power; a payment the cashier saw as saved must still be there.
 *   `synchronous = FULL` fsyncs the WAL at every commit, so an acknowledged bulkWrite is on disk.
 *   FULL is the default; the benchmark (`npm run bench:storage`) prints what it costs next to NORMAL.
 * - One connection per file: storage instances of the same database must not each open their own
 *   connection, or writes from two collections would contend for SQLite's single write lock and
 *   could fail with SQLITE_BUSY instead of queueing in JS.
 * - Never open the same file from two processes with different `synchronous` levels and expect
 *   the stronger guarantee; the level is per connection.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type SynchronousLevel = 'FULL' | 'NORMAL';

export interface OpenFileOptions {
  /** Absolute file path, or null for a private in-memory database. */
  filePath: string | null;
  /** Pool key: the file path, or a per-storage token plus database name in memory mode. */
  key: string;
  nativeBinding?: string;
  synchronous: SynchronousLevel;
}

export interface SqliteFile {
  readonly key: string;
  readonly filePath: string | null;
  readonly db: Database.Database;
  readonly synchronous: SynchronousLevel;
  refs: number;
}

const OPEN_FILES = new Map<string, SqliteFile>();

/** Meta table: one row per collection table, so a reopen can check its indexes cheaply. */
export const META_TABLE = 'rxstorage_tables';

/**
 * Turns an RxDB database name into a file name that is safe on every file system we ship to
 * (Windows is case-insensitive and forbids `<>:"/\|?*`): lowercase letters, digits, `-` and `_`
 * stay; anything else becomes `~` plus its UTF-16 code unit in hex, so the mapping is injective.
 */
export function defaultFileName(databaseName: string): string {
  let out = '';
  for (const ch of databaseName) {
    if (/^[a-z0-9_-]$/.test(ch)) out += ch;
    else
      for (let i = 0; i < ch.length; i++)
        out += `~${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  }
  if (out.length > 120) {
    out = `${out.slice(0, 80)}~${createHash('sha256').update(databaseName).digest('hex').slice(0, 24)}`;
  }
  return `${out || '~empty'}.sqlite`;
}

export function acquireFile(options: OpenFileOptions): SqliteFile {
  const existing = OPEN_FILES.get(options.key);
  if (existing) {
    existing.refs++;
    return existing;
  }
  if (options.filePath) fs.mkdirSync(path.dirname(options.filePath), { recursive: true });
  let db: Database.Database;
  try {
    db = openConnection(options);
  } catch (error) {
    // See openConnection: a crash during the very first write of a new file can leave zeros.
    if (!options.filePath || !isZeroFilledStub(options.filePath)) throw error;
    removeFileSet(options.filePath);
    db = openConnection(options);
  }
  const file: SqliteFile = {
    key: options.key,
    filePath: options.filePath,
    db,
    refs: 1,
    synchronous: options.synchronous,
  };
  OPEN_FILES.set(options.key, file);
  return file;
}

/**
 * Opens and configures one connection. Setting up a NEW file is the open path's main cost, so:
 * - Switching an empty file to WAL is a one-page write (the header). Through the default rollback
 *   journal that costs three fsyncs (journal, folder, file); with an in-memory journal it is one
 *   write and one fsync of the file, done before any WAL frame exists. There is nothing to roll
 *   back in an empty file: a crash in that instant leaves either no page, or a zero-filled page
 *   that {@link isZeroFilledStub} recognises at the next open (it never held data).
 * - The meta table is DDL: like a collection's table (table-store.ts) it needs no fsync of its own.
 *   On a new file it is also what creates the WAL, and SQLite then fsyncs the fresh WAL header and
 *   the folder. That header sync guards a WAL *restart* (old frames after a new header); a WAL that
 *   did not exist has no old frames, so this one transaction runs at OFF: the first durable commit
 *   fsyncs the whole WAL, header included, and (SQLite's first sync of a new file) its folder.
 *   A crash before that leaves an unreadable or partial WAL, which recovery ignores frame by frame.
 * Acknowledged writes (bulkWrite) always commit at `options.synchronous`.
 */
function openConnection(options: OpenFileOptions): Database.Database {
  const db = new Database(
    options.filePath ?? ':memory:',
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  try {
    db.pragma('synchronous = NORMAL');
    let newWal = false;
    if (options.filePath) {
      const empty = db.pragma('page_count', { simple: true }) === 0;
      newWal = empty && !fs.existsSync(`${options.filePath}-wal`);
      if (empty) db.pragma('journal_mode = MEMORY');
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal')
        throw new Error(`SQLite refused WAL mode for ${options.filePath} (got ${String(mode)})`);
    }
    // Another process (a second desk window, a backup tool) may hold the write lock briefly.
    db.pragma('busy_timeout = 5000');
    // A bounded page cache keeps memory flat on million-row tables (16 MiB per file).
    db.pragma('cache_size = -16384');
    db.pragma('temp_store = MEMORY');
    // Without a limit the WAL keeps its high-water size on disk after a big import.
    db.pragma('journal_size_limit = 67108864');
    if (newWal) db.pragma('synchronous = OFF');
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${META_TABLE} (name TEXT PRIMARY KEY NOT NULL, indexes TEXT NOT NULL) WITHOUT ROWID`,
    );
    db.pragma(`synchronous = ${options.synchronous}`);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * A file SQLite cannot read that is at most one page of zeros, with no WAL or journal beside it: a
 * new database whose first page never reached the disk. It held nothing, so it may be replaced.
 */
function isZeroFilledStub(filePath: string): boolean {
  try {
    const { size } = fs.statSync(filePath);
    if (size === 0 || size > 65536) return false;
    for (const suffix of ['-wal', '-journal']) {
      if (fs.existsSync(filePath + suffix) && fs.statSync(filePath + suffix).size > 0) return false;
    }
    return fs.readFileSync(filePath).every((byte) => byte === 0);
  } catch {
    return false;
  }
}

function hasCollectionTables(db: Database.Database): boolean {
  return db.prepare(`SELECT 1 FROM ${META_TABLE} LIMIT 1`).get() !== undefined;
}

/**
 * Drops one reference. A file connection closes when nobody uses it; an in-memory database lives
 * on (so a closed-then-reopened collection finds its data, like a file) until its last table is
 * removed. A file whose every collection was removed is deleted from disk.
 */
export function releaseFile(file: SqliteFile): void {
  file.refs--;
  if (file.refs > 0 || !file.db.open) return;
  const empty = !hasCollectionTables(file.db);
  if (file.filePath === null && !empty) return;
  OPEN_FILES.delete(file.key);
  file.db.close();
  if (empty && file.filePath) removeFileSet(file.filePath);
}

function removeFileSet(filePath: string): void {
  // The file last: a crash part-way must not leave an old WAL beside a new, empty file of the same
  // name, whose first open would replay those frames into it.
  for (const suffix of ['-wal', '-shm', '-journal', ''])
    fs.rmSync(filePath + suffix, { force: true });
}

/** Quotes an SQL identifier (collection names may hold `-` and other characters). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
