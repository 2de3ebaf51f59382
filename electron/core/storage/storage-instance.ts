/**
 * The RxStorageInstance of one collection on one SQLite table.
 *
 * HAZARDS:
 * - A bulkWrite reads the current documents (for RxDB's conflict check) and writes inside ONE
 *   `BEGIN IMMEDIATE` transaction: another process cannot slip a write between our read and our
 *   write, and a failed write leaves no trace. better-sqlite3 is synchronous, so nothing else in
 *   this process runs in between either.
 * - RxDB 17 hands attachment bodies over as Blobs, which can only be read asynchronously. Such a
 *   write reads its bodies first and joins a per-table queue, so writes still commit in call order;
 *   writes without bodies take the synchronous path unless the queue is busy. A body given as a
 *   string (RxDB 16's base64 shape, still produced by older callers and data) is stored as its
 *   UTF-8 bytes and handed back as the same string, as RxDB's memory storage does.
 * - Change events are emitted only after COMMIT: a listener must never see a write that could
 *   still roll back.
 */
import { Subject, type Observable } from 'rxjs';
import type {
  BulkWriteRow,
  CategorizeBulkWriteRowsOutput,
  EventBulk,
  PreparedQuery,
  RxAttachmentWriteData,
  RxDocumentData,
  RxJsonSchema,
  RxStorageBulkWriteResponse,
  RxStorageChangeEvent,
  RxStorageCountResult,
  RxStorageDefaultCheckpoint,
  RxStorageInstance,
  RxStorageQueryResult,
  StringKeys,
} from 'rxdb';
import {
  categorizeBulkWriteRows,
  getPrimaryFieldOfPrimaryKey,
  getStartIndexStringFromLowerBound,
  now,
} from 'rxdb';
import { changesIndexFields, encodeIndexKey } from './index-key';
import { runCount, runQuery } from './query-runner';
import { releaseFile, type SqliteFile } from './sqlite-file';
import {
  dropTable,
  ensureCreated,
  releaseTable,
  type ChangeBulk,
  type TableStore,
} from './table-store';

export interface SqliteStorageInternals {
  /** The database file, or null in memory mode. */
  readonly filePath: string | null;
  readonly tableName: string;
}

/** Per-collection options: none yet; everything is set on the storage. */
export type SqliteInstanceOptions = Record<string, never>;

type Doc = RxDocumentData<unknown>;
type AnySchema = RxJsonSchema<Doc>;

const CLEANUP_BATCH = 10_000;
/** An attachment body as read before the write transaction. */
interface Body {
  bytes: Buffer;
  text: boolean;
}
type BodyKey = Blob | string;
const NO_BODIES: ReadonlyMap<BodyKey, Body> = new Map();

function hasAttachmentBodies(rows: readonly BulkWriteRow<unknown>[]): boolean {
  for (const row of rows) {
    for (const att of Object.values(row.document._attachments ?? {})) {
      if ((att as Partial<RxAttachmentWriteData>).data) return true;
    }
  }
  return false;
}

async function readBodies(rows: readonly BulkWriteRow<unknown>[]): Promise<Map<BodyKey, Body>> {
  const bodies = new Map<BodyKey, Body>();
  for (const row of rows) {
    for (const att of Object.values(row.document._attachments ?? {})) {
      const data = (att as { data?: BodyKey }).data;
      if (data === undefined || bodies.has(data)) continue;
      bodies.set(
        data,
        typeof data === 'string'
          ? { bytes: Buffer.from(data, 'utf8'), text: true }
          : { bytes: Buffer.from(await data.arrayBuffer()), text: false },
      );
    }
  }
  return bodies;
}

export class RxStorageInstanceSqlite<RxDocType> implements RxStorageInstance<
  RxDocType,
  SqliteStorageInternals,
  SqliteInstanceOptions,
  RxStorageDefaultCheckpoint
> {
  readonly primaryPath: StringKeys<RxDocumentData<RxDocType>>;
  readonly internals: SqliteStorageInternals;
  private readonly changes$ = new Subject<ChangeBulk>();
  private readonly listener = (bulk: ChangeBulk): void => this.changes$.next(bulk);
  private closing: Promise<void> | null = null;
  private closed = false;

  constructor(
    readonly databaseName: string,
    readonly collectionName: string,
    readonly schema: Readonly<RxJsonSchema<RxDocumentData<RxDocType>>>,
    readonly options: Readonly<SqliteInstanceOptions>,
    private readonly file: SqliteFile,
    private readonly store: TableStore,
  ) {
    this.primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey);
    this.internals = { filePath: file.filePath, tableName: store.tableName };
    store.listeners.add(this.listener);
  }

  private get anySchema(): AnySchema {
    return this.schema as unknown as AnySchema;
  }

  private ensureUsable(): void {
    if (this.closed) throw new Error(`sqlite storage: ${this.collectionName} is closed`);
    if (this.store.removed) throw new Error(`sqlite storage: ${this.collectionName} was removed`);
  }

  /** {@link ensureUsable}, then make sure the table exists: created on the first touch of data. */
  private ensureData(): void {
    this.ensureUsable();
    ensureCreated(this.store);
  }

  bulkWrite(
    documentWrites: BulkWriteRow<RxDocType>[],
    context: string,
  ): Promise<RxStorageBulkWriteResponse<RxDocType>> {
    const store = this.store;
    const needsBodies = !!this.schema.attachments && hasAttachmentBodies(documentWrites);
    if (!needsBodies && !store.writeTail) {
      try {
        this.ensureData();
        return Promise.resolve(this.writeNow(documentWrites, context, NO_BODIES));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    const run = async (): Promise<RxStorageBulkWriteResponse<RxDocType>> => {
      const bodies = needsBodies ? await readBodies(documentWrites) : NO_BODIES;
      this.ensureData();
      return this.writeNow(documentWrites, context, bodies);
    };
    const previous = store.writeTail ?? Promise.resolve();
    const result = previous.then(run, run);
    const tail: Promise<void> = result.then(
      () => undefined,
      () => undefined,
    );
    store.writeTail = tail;
    void tail.then(() => {
      if (store.writeTail === tail) store.writeTail = null;
    });
    return result;
  }

  private writeNow(
    rows: BulkWriteRow<RxDocType>[],
    context: string,
    bodies: ReadonlyMap<BodyKey, Body>,
  ): RxStorageBulkWriteResponse<RxDocType> {
    const { stmts, columns } = this.store;
    const primaryPath = this.primaryPath;
    const categorized = this.store.inTransaction((): CategorizeBulkWriteRowsOutput<RxDocType> => {
      const ids = rows.map((row) => row.document[primaryPath] as string);
      const inDb = new Map<string, RxDocumentData<RxDocType>>();
      for (const doc of this.loadDocs(ids, false)) inDb.set(doc[primaryPath] as string, doc);
      const result = categorizeBulkWriteRows<RxDocType>(
        this,
        primaryPath as unknown as StringKeys<RxDocType>,
        inDb,
        rows,
        context,
      );
      for (const row of result.bulkInsertDocs) {
        const doc = row.document as Doc;
        const params: unknown[] = [
          doc[primaryPath as keyof Doc],
          doc._deleted ? 1 : 0,
          doc._meta.lwt,
          JSON.stringify(doc),
        ];
        for (const c of columns) params.push(encodeIndexKey(c.keyOf(doc)));
        stmts.insert.run(params);
      }
      for (const row of result.bulkUpdateDocs) {
        const doc = row.document as Doc;
        const params: unknown[] = [doc._deleted ? 1 : 0, doc._meta.lwt, JSON.stringify(doc)];
        for (const c of columns) params.push(encodeIndexKey(c.keyOf(doc)));
        params.push(doc[primaryPath as keyof Doc]);
        stmts.update.run(params);
      }
      for (const att of [...result.attachmentsAdd, ...result.attachmentsUpdate]) {
        const body = bodies.get(att.attachmentData.data);
        if (!body) throw new Error(`sqlite storage: attachment ${att.attachmentId} has no body`);
        stmts.attPut.run(
          att.documentId,
          att.attachmentId,
          att.digest,
          att.attachmentData.type,
          body.bytes,
          body.text ? 1 : 0,
        );
      }
      for (const att of result.attachmentsRemove)
        stmts.attDelete.run(att.documentId, att.attachmentId);
      return result;
    });
    const bulk = categorized.eventBulk;
    if (bulk.events.length > 0 && categorized.newestRow) {
      const newest = categorized.newestRow.document;
      bulk.checkpoint = { id: newest[primaryPath] as string, lwt: newest._meta.lwt };
      for (const listener of this.store.listeners) listener(bulk as unknown as ChangeBulk);
    }
    return { error: categorized.errors };
  }

  /**
   * The stored documents of `ids`, in the order asked, tombstones included unless `liveOnly`.
   * One statement for any number of ids (a JSON array bound once, see table-store.ts).
   */
  private loadDocs(ids: readonly string[], liveOnly: boolean): RxDocumentData<RxDocType>[] {
    const stmts = this.store.stmts;
    if (ids.length === 0) return [];
    if (ids.length === 1) {
      const json = stmts.getOne.get(ids[0]!);
      if (json === undefined) return [];
      const doc = JSON.parse(json) as RxDocumentData<RxDocType>;
      return liveOnly && doc._deleted ? [] : [doc];
    }
    const rows = (liveOnly ? stmts.getManyLive : stmts.getMany).all(JSON.stringify(ids));
    const docs = new Array<RxDocumentData<RxDocType>>(rows.length);
    for (let i = 0; i < rows.length; i++)
      docs[i] = JSON.parse(rows[i]!) as RxDocumentData<RxDocType>;
    return docs;
  }

  findDocumentsById(ids: string[], withDeleted: boolean): Promise<RxDocumentData<RxDocType>[]> {
    try {
      this.ensureData();
      return Promise.resolve(this.loadDocs(ids, !withDeleted));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  query(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageQueryResult<RxDocType>> {
    try {
      this.ensureData();
      const docs = runQuery(this.store, this.anySchema, preparedQuery as PreparedQuery<unknown>);
      return Promise.resolve({ documents: docs as RxDocumentData<RxDocType>[] });
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  count(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageCountResult> {
    try {
      this.ensureData();
      return Promise.resolve(
        runCount(this.store, this.anySchema, preparedQuery as PreparedQuery<unknown>),
      );
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  async getAttachmentData(documentId: string, attachmentId: string, digest: string): Promise<Blob> {
    this.ensureData();
    // Without attachments in the schema the table may have no body table at all.
    const row = this.schema.attachments
      ? this.store.stmts.attGet.get(documentId, attachmentId)
      : undefined;
    if (!digest || !row || row.digest !== digest) {
      throw new Error(`sqlite storage: attachment does not exist: ${documentId}||${attachmentId}`);
    }
    // The interface says Blob; a body that arrived as a string goes back unchanged (see top).
    if (row.text === 1) return row.data.toString('utf8') as unknown as Blob;
    // better-sqlite3 returns a Node Buffer; Blob copies it, so the view can be handed over as is.
    const bytes = new Uint8Array(
      row.data.buffer as ArrayBuffer,
      row.data.byteOffset,
      row.data.byteLength,
    );
    return new Blob([bytes], { type: row.type });
  }

  async getChangedDocumentsSince(
    limit: number,
    checkpoint?: RxStorageDefaultCheckpoint,
  ): Promise<{ documents: RxDocumentData<RxDocType>[]; checkpoint: RxStorageDefaultCheckpoint }> {
    this.ensureData();
    // The k-column of the `_meta.lwt,<primary>` index orders (lwt, id) exactly as RxDB does; a
    // checkpoint is encoded the same way, so "after the checkpoint" is one `>` on that column.
    const after = checkpoint
      ? encodeIndexKey(
          getStartIndexStringFromLowerBound(this.anySchema, changesIndexFields(this.anySchema), [
            checkpoint.lwt,
            checkpoint.id,
          ]),
        )
      : Buffer.alloc(0);
    const documents = this.store.stmts.changesSince
      .all(after, limit)
      .map((json) => JSON.parse(json) as RxDocumentData<RxDocType>);
    const last = documents[documents.length - 1];
    return {
      documents,
      checkpoint: last
        ? { id: last[this.primaryPath] as string, lwt: last._meta.lwt }
        : (checkpoint ?? { id: '', lwt: 0 }),
    };
  }

  changeStream(): Observable<
    EventBulk<RxStorageChangeEvent<RxDocumentData<RxDocType>>, RxStorageDefaultCheckpoint>
  > {
    this.ensureUsable();
    return this.changes$.asObservable() as unknown as Observable<
      EventBulk<RxStorageChangeEvent<RxDocumentData<RxDocType>>, RxStorageDefaultCheckpoint>
    >;
  }

  async cleanup(minimumDeletedTime: number): Promise<boolean> {
    this.ensureData();
    const maxDeletionTime = now() - minimumDeletedTime;
    const { changes } = this.store.inTransaction(() =>
      this.store.stmts.cleanup.run(maxDeletionTime, CLEANUP_BATCH),
    );
    // false tells RxDB's cleanup plugin to call again: more tombstones are waiting.
    return changes < CLEANUP_BATCH;
  }

  close(): Promise<void> {
    if (!this.closing) {
      this.closing = (async () => {
        // Let queued writes commit before the connection may go away.
        if (this.store.writeTail) await this.store.writeTail;
        this.closed = true;
        this.store.listeners.delete(this.listener);
        this.changes$.complete();
        releaseTable(this.store);
        releaseFile(this.file);
      })();
    }
    return this.closing;
  }

  async remove(): Promise<void> {
    this.ensureUsable();
    if (this.store.writeTail) await this.store.writeTail;
    dropTable(this.store);
    await this.close();
  }
}
