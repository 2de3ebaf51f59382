import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { RxStorage, RxStorageDefaultCheckpoint } from 'rxdb';
import { createBlob, now } from 'rxdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageSqlite } from './rx-storage-sqlite';
import { defaultFileName } from './sqlite-file';
import type { ChangeBulk } from './table-store';
import {
  ids,
  insertAll,
  item,
  itemSchema,
  makeTempDir,
  nextRevision,
  openInstance,
  prepared,
  removeDir,
  type ItemDoc,
} from './storage-test-kit';

let dir: string;
let storage: RxStorage<unknown, unknown>;

beforeEach(() => {
  dir = makeTempDir();
  storage = getRxStorageSqlite({ databaseDir: dir }) as RxStorage<unknown, unknown>;
});
afterEach(() => removeDir(dir));

describe('sqlite storage: writes and conflicts', () => {
  it('writes documents and reads them back by id', async () => {
    const db = await openInstance(storage, 'writes');
    const a = item({ name: 'Ali' });
    await insertAll(db, [a]);
    expect(await db.findDocumentsById([a.id, 'missing'], false)).toEqual([a]);
    await db.close();
  });

  it('finds many ids in the order asked, like RxDB’s memory storage', async () => {
    const db = await openInstance(storage, 'many-ids');
    const docs = [item(), item(), item(), item()];
    await insertAll(db, docs);
    const gone = nextRevision(docs[1]!, { _deleted: true });
    await db.bulkWrite([{ previous: docs[1]!, document: gone }], 'ctx');
    const asked = [docs[3]!.id, 'missing', docs[1]!.id, docs[0]!.id, docs[3]!.id];
    expect(ids(await db.findDocumentsById(asked, false))).toEqual([
      docs[3]!.id,
      docs[0]!.id,
      docs[3]!.id,
    ]);
    expect(await db.findDocumentsById(asked, true)).toEqual([docs[3], gone, docs[0], docs[3]]);
    await db.close();
  });

  it('returns 409 with documentInDb when the previous revision does not match', async () => {
    const db = await openInstance(storage, 'conflicts');
    const a = item();
    await insertAll(db, [a]);

    const reinsert = await db.bulkWrite([{ document: nextRevision(a) }], 'ctx');
    expect(reinsert.error).toHaveLength(1);
    expect(reinsert.error[0]).toMatchObject({ status: 409, documentId: a.id, documentInDb: a });

    const stale = { ...a, _rev: '7-zzzzzzzzzz' };
    const update = await db.bulkWrite(
      [{ previous: stale, document: nextRevision(a, { name: 'x' }) }],
      'ctx',
    );
    expect(update.error[0]).toMatchObject({ status: 409, documentInDb: a });
    expect(await db.findDocumentsById([a.id], false)).toEqual([a]);

    const ok = await db.bulkWrite(
      [{ previous: a, document: nextRevision(a, { name: 'y' }) }],
      'ctx',
    );
    expect(ok.error).toEqual([]);
    expect((await db.findDocumentsById([a.id], false))[0]?.name).toBe('y');
    await db.close();
  });

  it('lets the first of two simultaneous inserts win and the second conflict', async () => {
    const db = await openInstance(storage, 'race');
    const a = item();
    const [first, second] = await Promise.all([
      db.bulkWrite([{ document: { ...a, name: 'first' } }], 'ctx'),
      db.bulkWrite([{ document: { ...a, name: 'second' } }], 'ctx'),
    ]);
    expect(first.error).toEqual([]);
    expect(second.error[0]?.status).toBe(409);
    expect(second.error[0]).toMatchObject({ documentInDb: { name: 'first' } });
    await db.close();
  });

  it('commits a bulk write as one transaction: a failing row leaves no trace', async () => {
    const db = await openInstance(storage, 'atomic');
    const a = item();
    // Two inserts of one id in one bulk pass RxDB's categorising (neither is in the db yet) and
    // then hit the UNIQUE column: the whole bulk must roll back, including the first row.
    await expect(
      db.bulkWrite([{ document: item() }, { document: a }, { document: { ...a } }], 'ctx'),
    ).rejects.toThrow();
    const count = await db.count(prepared(itemSchema(), { selector: {} }));
    expect(count.count).toBe(0);
    await db.close();
  });
});

describe('sqlite storage: deleted documents', () => {
  it('keeps tombstones out of queries and counts but returns them by id on request', async () => {
    const schema = itemSchema();
    const db = await openInstance(storage, 'deleted', schema);
    const [a, b] = [item({ name: 'a' }), item({ name: 'b' })];
    await insertAll(db, [a, b]);
    const gone = nextRevision(a, { _deleted: true });
    expect((await db.bulkWrite([{ previous: a, document: gone }], 'ctx')).error).toEqual([]);

    expect(await db.findDocumentsById([a.id], false)).toEqual([]);
    expect(await db.findDocumentsById([a.id], true)).toEqual([gone]);
    expect(ids((await db.query(prepared(schema, { selector: {} }))).documents)).toEqual([b.id]);
    expect((await db.count(prepared(schema, { selector: {} }))).count).toBe(1);

    const back = nextRevision(gone, { _deleted: false, name: 'back' });
    expect((await db.bulkWrite([{ previous: gone, document: back }], 'ctx')).error).toEqual([]);
    expect((await db.count(prepared(schema, { selector: {} }))).count).toBe(2);
    await db.close();
  });
});

describe('sqlite storage: change stream and checkpoints', () => {
  it('emits one bulk per write after commit, with the newest document as checkpoint', async () => {
    const db = await openInstance(storage, 'events');
    const bulks: ChangeBulk[] = [];
    const sub = db.changeStream().subscribe((bulk) => bulks.push(bulk as unknown as ChangeBulk));
    const [a, b] = [item(), item()];
    await insertAll(db, [a, b]);
    const a2 = nextRevision(a, { name: 'renamed' });
    await db.bulkWrite([{ previous: a, document: a2 }], 'my-context');
    await db.bulkWrite([{ previous: a2, document: nextRevision(a2, { _deleted: true }) }], 'ctx');
    await db.bulkWrite([{ document: nextRevision(b) }], 'conflict-only');

    expect(bulks.map((x) => x.events.map((e) => e.operation))).toEqual([
      ['INSERT', 'INSERT'],
      ['UPDATE'],
      ['DELETE'],
    ]);
    expect(bulks[0]?.checkpoint).toEqual({ id: b.id, lwt: b._meta.lwt });
    expect(bulks[1]?.context).toBe('my-context');
    expect(bulks[1]?.events[0]).toMatchObject({
      documentData: { name: 'renamed' },
      previousDocumentData: { name: a.name },
    });
    sub.unsubscribe();
    await db.close();
  });

  it('pages through getChangedDocumentsSince in (lwt, id) order, each change once', async () => {
    const db = await openInstance(storage, 'paging');
    const lwt = now() - 60_000;
    // Several documents share one lwt, so the id must break ties in the checkpoint.
    const docs = Array.from({ length: 25 }, (_, i) =>
      item({ _meta: { lwt: lwt + Math.floor(i / 4) } }),
    );
    await insertAll(db, [...docs].reverse());
    const seen: string[] = [];
    let checkpoint: RxStorageDefaultCheckpoint | undefined;
    for (;;) {
      const page = await db.getChangedDocumentsSince!(10, checkpoint);
      seen.push(...ids(page.documents));
      checkpoint = page.checkpoint;
      if (page.documents.length < 10) break;
    }
    expect(seen).toEqual(ids(docs));

    const changed = nextRevision(docs[3]!, { name: 'later' });
    await db.bulkWrite([{ previous: docs[3], document: changed }], 'ctx');
    const after = await db.getChangedDocumentsSince!(10, checkpoint);
    expect(after.documents).toEqual([changed]);
    expect(after.checkpoint).toEqual({ id: changed.id, lwt: changed._meta.lwt });
    const empty = await db.getChangedDocumentsSince!(10, after.checkpoint);
    expect(empty).toEqual({ documents: [], checkpoint: after.checkpoint });
    await db.close();
  });
});

describe('sqlite storage: cleanup', () => {
  it('purges tombstones older than minimumDeletedTime and keeps newer ones', async () => {
    const db = await openInstance(storage, 'cleanup');
    const [old, fresh, alive] = [item(), item(), item()];
    await insertAll(db, [old, fresh, alive]);
    const oldGone = { ...nextRevision(old, { _deleted: true }), _meta: { lwt: now() - 60_000 } };
    const freshGone = nextRevision(fresh, { _deleted: true });
    await db.bulkWrite(
      [
        { previous: old, document: oldGone },
        { previous: fresh, document: freshGone },
      ],
      'ctx',
    );
    expect(await db.cleanup(30_000)).toBe(true);
    expect(ids(await db.findDocumentsById([old.id, fresh.id, alive.id], true))).toEqual([
      fresh.id,
      alive.id,
    ]);
    expect(await db.cleanup(0)).toBe(true);
    expect(ids(await db.findDocumentsById([old.id, fresh.id, alive.id], true))).toEqual([alive.id]);
    await db.close();
  });
});

describe('sqlite storage: attachments', () => {
  it('stores bodies in their own table and serves them by digest', async () => {
    const schema = itemSchema(true);
    const db = await openInstance(storage, 'attachments', schema);
    const body = createBlob('سلام, scan of a referral letter', 'text/plain');
    const withData = item({
      _attachments: {
        scan: { data: body, digest: 'md5-one', length: body.size, type: 'text/plain' },
      } as never,
    });
    await insertAll(db, [withData]);
    const [stored] = await db.findDocumentsById([withData.id], false);
    expect(stored?._attachments).toEqual({
      scan: { digest: 'md5-one', length: body.size, type: 'text/plain' },
    });

    const blob = await db.getAttachmentData(withData.id, 'scan', 'md5-one');
    expect(await blob.text()).toBe('سلام, scan of a referral letter');
    expect(blob.type).toBe('text/plain');
    await expect(db.getAttachmentData(withData.id, 'scan', 'md5-other')).rejects.toThrow();

    // Sending the stub back keeps the body; leaving the attachment out removes it.
    const renamed = nextRevision(stored!, { name: 'renamed' });
    await db.bulkWrite([{ previous: stored, document: renamed }], 'ctx');
    expect(await (await db.getAttachmentData(withData.id, 'scan', 'md5-one')).text()).toContain(
      'referral',
    );
    const without = nextRevision(renamed, { _attachments: {} });
    await db.bulkWrite([{ previous: renamed, document: without }], 'ctx');
    await expect(db.getAttachmentData(withData.id, 'scan', 'md5-one')).rejects.toThrow();
    await db.close();
  });

  it('hands a body written as a string (RxDB 16 base64 shape) back as the same string', async () => {
    const db = await openInstance(storage, 'att-string', itemSchema(true));
    const base64 = Buffer.from('old attachment').toString('base64');
    const doc = item({
      _attachments: {
        old: { data: base64, digest: 'd-old', length: 14, type: 'text/plain' },
      } as never,
    });
    await insertAll(db, [doc]);
    expect(await db.getAttachmentData(doc.id, 'old', 'd-old')).toBe(base64);
    await db.close();
  });

  it('drops the attachments of a deleted document', async () => {
    const db = await openInstance(storage, 'att-delete', itemSchema(true));
    const body = createBlob('x', 'text/plain');
    const doc = item({
      _attachments: { a: { data: body, digest: 'd1', length: 1, type: 'text/plain' } } as never,
    });
    await insertAll(db, [doc]);
    const [stored] = await db.findDocumentsById([doc.id], false);
    await db.bulkWrite(
      [{ previous: stored, document: nextRevision(stored!, { _deleted: true, _attachments: {} }) }],
      'ctx',
    );
    await expect(db.getAttachmentData(doc.id, 'a', 'd1')).rejects.toThrow();
    await db.close();
  });
});

describe('sqlite storage: files, reopen, remove', () => {
  it('keeps data across close and reopen, in a WAL-mode file named after the database', async () => {
    const schema = itemSchema();
    const first = await openInstance(storage, 'persist', schema);
    const docs = [item({ name: 'one' }), item({ name: 'two' })];
    await insertAll(first, docs);
    await first.close();

    const file = path.join(dir, defaultFileName('persist'));
    expect(fs.existsSync(file)).toBe(true);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();

    const reopened = await openInstance(
      getRxStorageSqlite({ databaseDir: dir }) as RxStorage<unknown, unknown>,
      'persist',
      schema,
    );
    const found = await reopened.query(prepared(schema, { selector: {}, sort: [{ name: 'asc' }] }));
    expect(found.documents).toEqual(docs);
    await reopened.close();
  });

  it('creates a collection table on the first data operation, not at open', async () => {
    const first = await openInstance(storage, 'lazy', itemSchema(), 'first');
    const second = await openInstance(storage, 'lazy', itemSchema(), 'second');
    await insertAll(first, [item()]);
    const file = path.join(dir, defaultFileName('lazy'));
    const tables = (): string[] => {
      const raw = new Database(file, { readonly: true });
      const names = raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .pluck()
        .all() as string[];
      raw.close();
      return names;
    };
    expect(tables()).toEqual(['first/v0', 'rxstorage_tables']);
    expect(await second.findDocumentsById(['nope'], true)).toEqual([]);
    expect(tables()).toEqual(['first/v0', 'rxstorage_tables', 'second/v0']);
    await first.close();
    await second.close();
  });

  it('replaces a new file whose first page never reached the disk (all zeros)', async () => {
    const file = path.join(dir, defaultFileName('torn'));
    fs.writeFileSync(file, Buffer.alloc(4096));
    const db = await openInstance(storage, 'torn');
    const doc = item();
    await insertAll(db, [doc]);
    expect(await db.findDocumentsById([doc.id], false)).toEqual([doc]);
    await db.close();
  });

  it('refuses a file that is not a database instead of replacing it', async () => {
    const file = path.join(dir, defaultFileName('foreign'));
    fs.writeFileSync(file, 'not a database, but somebody’s bytes');
    await expect(openInstance(storage, 'foreign')).rejects.toThrow();
    expect(fs.readFileSync(file, 'utf8')).toBe('not a database, but somebody’s bytes');
  });

  it('remove() drops the collection and deletes a file left without collections', async () => {
    const db = await openInstance(storage, 'removable');
    await insertAll(db, [item()]);
    await db.remove();
    expect(fs.existsSync(path.join(dir, defaultFileName('removable')))).toBe(false);
  });

  it('maps database names to distinct, case-safe file names', () => {
    expect(defaultFileName('desk0a1b')).toBe('desk0a1b.sqlite');
    expect(defaultFileName('Desk')).not.toBe(defaultFileName('desk'));
    expect(defaultFileName('a/b')).toBe('a~002fb.sqlite');
  });

  it('works in memory mode and keeps data while the storage object lives', async () => {
    const memory = getRxStorageSqlite({ inMemory: true }) as RxStorage<unknown, unknown>;
    const db = await openInstance(memory, 'mem');
    const doc: ItemDoc = item();
    await insertAll(db, [doc]);
    await db.close();
    const again = await openInstance(memory, 'mem');
    expect(await again.findDocumentsById([doc.id], false)).toEqual([doc]);
    await again.remove();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
