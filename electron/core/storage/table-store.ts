/**
 * One SQLite table per collection (per schema version), one BLOB key column per schema index, and
 * the prepared statements that read and write it. Storage instances of the same collection in this
 * process share one TableStore, so they share its statements, its write queue and its events.
 *
 * Layout of `"<collection>/v<version>"`:
 *   id      TEXT UNIQUE  primary key value (equality only, so TEXT order does not matter)
 *   deleted INTEGER      1 for tombstones (a partial index serves cleanup)
 *   lwt     REAL         _meta.lwt (cleanup compares it; ordering uses the k-column)
 *   data    TEXT         the document as JSON, attachments as stubs
 *   k0..kN  BLOB         encoded index keys, see index-key.ts
 * Attachment bodies live in `"<collection>/v<version>/att"`, keyed by (document id, attachment id).
 *
 * HAZARD: opening a table must stay O(1) in its size: no scans, no loading rows. Opening costs one
 * meta-row lookup; a missing table is created (one DDL transaction) by the first operation that
 * touches data, not at open: RxDB opens every collection at start, most are not used right away.
 * Statements are prepared on first use too: most instances never run most of them, and a statement
 * prepared before another collection's DDL would have to be re-prepared by SQLite anyway.
 */
import type Database from 'better-sqlite3';
import type {
  EventBulk,
  RxDocumentData,
  RxJsonSchema,
  RxStorageChangeEvent,
  RxStorageDefaultCheckpoint,
} from 'rxdb';
import { indexColumnsFor, indexName, changesIndexFields, type IndexColumn } from './index-key';
import { META_TABLE, quoteIdent, type SqliteFile } from './sqlite-file';

export type ChangeBulk = EventBulk<
  RxStorageChangeEvent<RxDocumentData<unknown>>,
  RxStorageDefaultCheckpoint
>;

export interface AttachmentRow {
  data: Buffer;
  digest: string;
  type: string;
  /** 1 when the body came as a string (RxDB 16's base64 shape) and must go back as one. */
  text: number;
}

export interface TableStatements {
  readonly getOne: Database.Statement<[string], string>;
  /** Documents of a JSON array of ids, in that order, duplicates repeated (like RxDB's memory). */
  readonly getMany: Database.Statement<[string], string>;
  /** Like getMany, tombstones left out. */
  readonly getManyLive: Database.Statement<[string], string>;
  readonly insert: Database.Statement<unknown[]>;
  readonly update: Database.Statement<unknown[]>;
  readonly changesSince: Database.Statement<[Buffer, number], string>;
  readonly cleanup: Database.Statement<[number, number]>;
  readonly attGet: Database.Statement<[string, string], AttachmentRow>;
  readonly attPut: Database.Statement<[string, string, string, string, Buffer, number]>;
  readonly attDelete: Database.Statement<[string, string]>;
}

export interface TableStore {
  readonly file: SqliteFile;
  readonly tableName: string;
  /** Quoted, ready for SQL. */
  readonly table: string;
  readonly columns: readonly IndexColumn[];
  readonly columnByIndex: ReadonlyMap<string, IndexColumn>;
  readonly changesColumn: IndexColumn;
  readonly stmts: TableStatements;
  /** Range statements built on demand (per column, bound kinds and shape). */
  readonly rangeStatements: Map<string, Database.Statement<unknown[], unknown>>;
  /** Runs one bulkWrite body (reads + writes) as one IMMEDIATE transaction. */
  readonly inTransaction: <T>(body: () => T) => T;
  readonly withAttachments: boolean;
  /** False until the table exists: see {@link ensureCreated}. */
  created: boolean;
  /** Listeners of every open instance of this collection in this process. */
  readonly listeners: Set<(bulk: ChangeBulk) => void>;
  /** Tail of the write chain, while a write that had to await attachment bodies is pending. */
  writeTail: Promise<unknown> | null;
  refs: number;
  removed: boolean;
}

const STORES = new WeakMap<SqliteFile, Map<string, TableStore>>();

export function tableNameFor(collectionName: string, schemaVersion: number): string {
  return `${collectionName}/v${schemaVersion}`;
}

/** Opens the collection's table (created on first use); shared with other open instances. */
export function acquireTable(
  file: SqliteFile,
  collectionName: string,
  schema: RxJsonSchema<RxDocumentData<unknown>>,
): TableStore {
  let byName = STORES.get(file);
  if (!byName) {
    byName = new Map();
    STORES.set(file, byName);
  }
  const tableName = tableNameFor(collectionName, schema.version);
  const existing = byName.get(tableName);
  if (existing && !existing.removed) {
    existing.refs++;
    return existing;
  }
  const columns = indexColumnsFor(schema);
  const withAttachments = !!schema.attachments;
  const exists = checkTable(file, tableName, columns, withAttachments);
  const store = buildStore(file, tableName, columns, schema, exists);
  byName.set(tableName, store);
  return store;
}

/** Creates the table if it did not exist at open; every data operation calls this first. */
export function ensureCreated(store: TableStore): void {
  if (store.created) return;
  ensureTable(store.file, store.tableName, store.columns, store.withAttachments);
  store.created = true;
}

export function releaseTable(store: TableStore): void {
  store.refs--;
  if (store.refs > 0) return;
  const byName = STORES.get(store.file);
  if (byName?.get(store.tableName) === store) byName.delete(store.tableName);
}

/** Drops the collection's tables and meta row; other open instances see `removed`. */
export function dropTable(store: TableStore): void {
  const db = store.file.db;
  db.transaction(() => {
    db.exec(`DROP TABLE IF EXISTS ${store.table}`);
    db.exec(`DROP TABLE IF EXISTS ${quoteIdent(`${store.tableName}/att`)}`);
    db.prepare(`DELETE FROM ${META_TABLE} WHERE name = ?`).run(store.tableName);
  }).immediate();
  store.removed = true;
  STORES.get(store.file)?.delete(store.tableName);
}

function indexesOf(columns: readonly IndexColumn[]): string {
  return JSON.stringify(columns.map((c) => c.fields));
}

/** Whether the table exists, checked against the indexes it was made with. */
function checkTable(
  file: SqliteFile,
  tableName: string,
  columns: readonly IndexColumn[],
  withAttachments: boolean,
): boolean {
  const db = file.db;
  const wanted = indexesOf(columns);
  const row = db
    .prepare(`SELECT indexes FROM ${META_TABLE} WHERE name = ?`)
    .pluck()
    .get(tableName) as string | undefined;
  if (row === undefined) return false;
  // RxDB refuses a changed schema under the same version (schema hash check) before we get here;
  // reaching this means someone bypassed that, and the k-columns would hold the wrong keys.
  if (row !== wanted) {
    throw new Error(
      `sqlite storage: table ${tableName} exists with other indexes (${row} ≠ ${wanted})`,
    );
  }
  // A table made for a schema without attachments has no body table; a no-op when it exists.
  if (withAttachments) db.exec(attachmentTableDdl(tableName));
  return true;
}

/**
 * Creates the table unless it exists by now. The check is repeated inside the write transaction:
 * another process (a second window) may have created it since this one opened the collection.
 */
function ensureTable(
  file: SqliteFile,
  tableName: string,
  columns: readonly IndexColumn[],
  withAttachments: boolean,
): void {
  const db = file.db;
  // Creating a table needs no fsync of its own: the DDL is idempotent and re-run at the next open,
  // and the first durable (FULL) commit after it syncs the WAL, which carries these frames too.
  db.pragma('synchronous = NORMAL');
  try {
    db.transaction(() => {
      if (checkTable(file, tableName, columns, withAttachments)) return;
      // One exec for all the DDL: one call into the addon, one parse.
      db.exec(tableDdl(tableName, columns, withAttachments));
      db.prepare(`INSERT INTO ${META_TABLE} (name, indexes) VALUES (?, ?)`).run(
        tableName,
        indexesOf(columns),
      );
    }).immediate();
  } finally {
    db.pragma(`synchronous = ${file.synchronous}`);
  }
}

function attachmentTableDdl(tableName: string): string {
  return `CREATE TABLE IF NOT EXISTS ${quoteIdent(`${tableName}/att`)} (doc_id TEXT NOT NULL, att_id TEXT NOT NULL, digest TEXT NOT NULL, type TEXT NOT NULL, text INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (doc_id, att_id)) WITHOUT ROWID`;
}

function tableDdl(
  tableName: string,
  columns: readonly IndexColumn[],
  withAttachments: boolean,
): string {
  const t = quoteIdent(tableName);
  const keyCols = columns.map((c) => `, ${c.column} BLOB NOT NULL`).join('');
  return [
    `CREATE TABLE IF NOT EXISTS ${t} (id TEXT NOT NULL UNIQUE, deleted INTEGER NOT NULL, lwt REAL NOT NULL, data TEXT NOT NULL${keyCols})`,
    ...columns.map(
      (c) =>
        `CREATE INDEX IF NOT EXISTS ${quoteIdent(`${tableName}/${c.column}`)} ON ${t} (${c.column})`,
    ),
    `CREATE INDEX IF NOT EXISTS ${quoteIdent(`${tableName}/tombstones`)} ON ${t} (lwt) WHERE deleted = 1`,
    // Only collections whose schema allows attachments get a body table (tables made before this
    // rule have one either way; it is dropped with the collection).
    ...(withAttachments ? [attachmentTableDdl(tableName)] : []),
  ].join(';\n');
}

/**
 * Statements prepared on first use and kept: each getter replaces itself with the statement.
 */
function lazyStatements<T extends object>(makers: { [K in keyof T]: () => T[K] }): T {
  const out = {} as T;
  for (const key of Object.keys(makers) as (keyof T)[]) {
    Object.defineProperty(out, key, {
      configurable: true,
      enumerable: true,
      get(): T[keyof T] {
        const value = makers[key]();
        Object.defineProperty(out, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return out;
}

function buildStore(
  file: SqliteFile,
  tableName: string,
  columns: IndexColumn[],
  schema: RxJsonSchema<RxDocumentData<unknown>>,
  exists: boolean,
): TableStore {
  const db = file.db;
  const t = quoteIdent(tableName);
  const att = quoteIdent(`${tableName}/att`);
  const changesColumn = columns.find((c) => c.name === indexName(changesIndexFields(schema)));
  if (!changesColumn) throw new Error('sqlite storage: no _meta.lwt index column');
  const keyNames = columns.map((c) => c.column);
  const stmts = lazyStatements<TableStatements>({
    getOne: () => db.prepare<[string], string>(`SELECT data FROM ${t} WHERE id = ?`).pluck(),
    // Walking the JSON array and probing the id index per element is cheaper than `IN (…)`, which
    // first builds and sorts a temporary index of the ids; it also keeps the caller's order.
    // CROSS JOIN pins that loop order (SQLite never reorders it).
    getMany: () =>
      db
        .prepare<[string], string>(
          `SELECT t.data FROM json_each(?) AS j CROSS JOIN ${t} AS t ON t.id = j.value`,
        )
        .pluck(),
    getManyLive: () =>
      db
        .prepare<[string], string>(
          `SELECT t.data FROM json_each(?) AS j CROSS JOIN ${t} AS t ON t.id = j.value WHERE t.deleted = 0`,
        )
        .pluck(),
    insert: () =>
      db.prepare<unknown[]>(
        `INSERT INTO ${t} (id, deleted, lwt, data${keyNames.map((k) => `, ${k}`).join('')}) VALUES (?, ?, ?, ?${keyNames.map(() => ', ?').join('')})`,
      ),
    update: () =>
      db.prepare<unknown[]>(
        `UPDATE ${t} SET deleted = ?, lwt = ?, data = ?${keyNames.map((k) => `, ${k} = ?`).join('')} WHERE id = ?`,
      ),
    changesSince: () =>
      db
        .prepare<[Buffer, number], string>(
          `SELECT data FROM ${t} WHERE ${changesColumn.column} > ? ORDER BY ${changesColumn.column} LIMIT ?`,
        )
        .pluck(),
    // Bounded batches keep one cleanup call from holding the write lock for long on huge tables.
    cleanup: () =>
      db.prepare<[number, number]>(
        `DELETE FROM ${t} WHERE rowid IN (SELECT rowid FROM ${t} WHERE deleted = 1 AND lwt <= ? LIMIT ?)`,
      ),
    attGet: () =>
      db.prepare<[string, string], AttachmentRow>(
        `SELECT data, digest, type, text FROM ${att} WHERE doc_id = ? AND att_id = ?`,
      ),
    attPut: () =>
      db.prepare<[string, string, string, string, Buffer, number]>(
        `INSERT OR REPLACE INTO ${att} (doc_id, att_id, digest, type, data, text) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
    attDelete: () =>
      db.prepare<[string, string]>(`DELETE FROM ${att} WHERE doc_id = ? AND att_id = ?`),
  });
  // One transaction wrapper per table, reused by every write (better-sqlite3 builds it once).
  const transaction = db.transaction((body: () => unknown) => body());
  return {
    file,
    tableName,
    table: t,
    columns,
    columnByIndex: new Map(columns.map((c) => [c.name, c])),
    changesColumn,
    stmts,
    rangeStatements: new Map(),
    inTransaction: <T>(body: () => T): T => transaction.immediate(body) as T,
    withAttachments: !!schema.attachments,
    created: exists,
    listeners: new Set(),
    writeTail: null,
    refs: 1,
    removed: false,
  };
}
