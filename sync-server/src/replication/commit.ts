/**
 * The one write path for documents: pushes from desks and the server's own writes (a new center)
 * both end here, so every document gets a seq, its domain rules and a place in the change feed.
 *
 * A push is one transaction. Per row: a document of another center refuses the whole push (403);
 * the server state already equal to the pushed one is a harmless re-send (no write); an assumed
 * master state equal to the server's (or no server state) writes; anything else returns the
 * server's state as a conflict. The acting staff member (`updatedBy`) must be active in the
 * device's center and allowed by {@link mayWrite}; otherwise the whole push is refused (403). An
 * append-only collection (the audit log) refuses any change to a stored document (403).
 */
import { AppError } from '../../../shared/api/errors';
import type { KindRights } from '../../../shared/auth/rights';
import type {
  DeviceRecord,
  StoreTransaction,
  StoredDocument,
  SyncStore,
} from '../store/sync-store';
import { sameState, stateHash } from './canonical';
import type { ChangeFeed } from './change-feed';
import type { CollectionRule, CollectionRules } from './collection-rules';
import type { PreparedCollection } from './registry';
import { INACTIVE_ACTOR, NOT_ALLOWED, activeStaffOf, centerKindRights, mayWrite } from './rights';
import { toWire, type DocState, type WireDoc } from './wire';

export interface WritePath {
  store: SyncStore;
  feed: ChangeFeed;
  rules: CollectionRules;
  now: () => Date;
}

/** One validated push row. `assumed` is null when the desk assumed no master state. */
export interface PushRow {
  index: number;
  id: string;
  state: DocState;
  assumed: WireDoc | null;
}

interface Committed {
  written: StoredDocument[];
  conflicts: WireDoc[];
}

const OTHER_CENTER = 'این سند به مرکز دیگری تعلق دارد و از این دستگاه پذیرفته نمی‌شود.';
const APPEND_ONLY =
  'ردیف‌های این بخش (گزارش تغییرات، تراکنش‌های مالی، گردش انبار) پس از ثبت ویرایش یا حذف نمی‌شوند؛ هیچ‌یک از تغییرهای این ارسال ذخیره نشد.';

async function storeDocument(
  tx: StoreTransaction,
  rule: CollectionRule | undefined,
  args: {
    collection: string;
    id: string;
    centerId: string;
    before: StoredDocument | null;
    after: DocState;
    deviceId: string | null;
    now: Date;
    /** Identifies the push row (assumed + new state); null for the server's own writes. */
    pushKey: string | null;
  },
): Promise<StoredDocument> {
  const ctx = {
    tx,
    now: args.now,
    centerId: args.centerId,
    id: args.id,
    server: args.pushKey === null,
  };
  const state = rule?.prepare ? await rule.prepare(ctx, args.before, args.after) : args.after;
  const stored = await tx.putDocument({
    collection: args.collection,
    id: args.id,
    centerId: args.centerId,
    deleted: state.deleted,
    data: state.data,
    serverTime: args.now.toISOString(),
    deviceId: args.deviceId,
    // Remember which push row led here when something else was stored, so that re-sending that
    // very row (same assumed and new state) is recognised as harmless.
    pushedHash: state === args.after ? null : args.pushKey,
  });
  await rule?.derive?.(ctx, stored);
  return stored;
}

/**
 * What one push reads for its rights checks, once: staff documents by id (a 500-row push usually
 * names one actor) and the center's per-kind rights. A row that changes a staff member or the
 * center drops what it changed, so later rows of the batch are judged by the new state.
 */
interface PushReads {
  actors: Map<string, StoredDocument | null>;
  kindRights: KindRights | null;
}

async function checkActor(
  tx: StoreTransaction,
  device: DeviceRecord,
  collection: string,
  before: StoredDocument | null,
  row: PushRow,
  reads: PushReads,
): Promise<void> {
  const actorId = row.state.data.updatedBy;
  const details = { index: row.index, id: row.id };
  let found: StoredDocument | null = null;
  if (typeof actorId === 'string') {
    if (!reads.actors.has(actorId)) {
      reads.actors.set(actorId, (await tx.getDocuments('staff', [actorId])).get(actorId) ?? null);
    }
    found = reads.actors.get(actorId) ?? null;
  }
  const staff = activeStaffOf(found, device.centerId);
  if (!staff) throw new AppError('forbidden', INACTIVE_ACTOR, details);
  if (!reads.kindRights) {
    const center = (await tx.getDocuments('center', [device.centerId])).get(device.centerId);
    reads.kindRights = centerKindRights(center);
  }
  const beforeState = before && !before.deleted ? toWire(before) : null;
  if (!mayWrite(staff, collection, beforeState, toWire(row.state), reads.kindRights)) {
    throw new AppError('forbidden', NOT_ALLOWED, details);
  }
}

function publish(feed: ChangeFeed, centerId: string, written: StoredDocument[]): void {
  const byCollection = new Map<string, StoredDocument[]>();
  for (const doc of written) {
    const list = byCollection.get(doc.collection) ?? [];
    list.push(doc);
    byCollection.set(doc.collection, list);
  }
  for (const [collection, docs] of byCollection) {
    feed.publish(centerId, {
      collection,
      documents: docs.map(toWire),
      checkpoint: { seq: Math.max(...docs.map((d) => d.seq)) },
    });
  }
}

/** Applies a validated push from `device`; returns the conflicts (the server's states). */
export async function commitPush(
  path: WritePath,
  device: DeviceRecord,
  collection: PreparedCollection,
  rows: PushRow[],
): Promise<WireDoc[]> {
  const now = path.now();
  const rule = path.rules[collection.name];
  const result = await path.store.write<Committed>(
    async (tx) => {
      const current = await tx.getDocuments(collection.name, [...new Set(rows.map((r) => r.id))]);
      const committed: Committed = { written: [], conflicts: [] };
      const reads: PushReads = { actors: new Map(), kindRights: null };
      for (const row of rows) {
        const docCenter =
          collection.centerScope === 'document' ? row.state.data.centerId : device.centerId;
        const before = current.get(row.id) ?? null;
        if (docCenter !== device.centerId || (before && before.centerId !== device.centerId)) {
          throw new AppError('forbidden', OTHER_CENTER, { index: row.index, id: row.id });
        }
        const pushed = toWire(row.state);
        const pushKey = stateHash({ assumed: row.assumed, pushed });
        if (before) {
          const server = toWire(before);
          if (sameState(server, pushed)) continue;
          if (rule?.appendOnly) {
            throw new AppError('forbidden', APPEND_ONLY, {
              index: row.index,
              id: row.id,
              reason: 'append-only',
            });
          }
          if (before.pushedHash === pushKey) {
            // A re-sent row the server had stored differently (arbitration): nothing to write, but
            // the desk may never have seen the answer, so it gets the stored state again.
            committed.conflicts.push(server);
            continue;
          }
          if (!row.assumed || !sameState(row.assumed, server)) {
            committed.conflicts.push(server);
            continue;
          }
        }
        if (collection.centerScope === 'document') {
          await checkActor(tx, device, collection.name, before, row, reads);
        }
        const stored = await storeDocument(tx, rule, {
          collection: collection.name,
          id: row.id,
          centerId: device.centerId,
          before,
          after: row.state,
          deviceId: device.id,
          now,
          pushKey,
        });
        // A later row of the same batch for the same id sees this write as the server state,
        // and a staff or center row changes what later rows may do.
        current.set(row.id, stored);
        if (collection.name === 'staff') reads.actors.delete(row.id);
        if (collection.name === 'center') reads.kindRights = null;
        committed.written.push(stored);
        // Stored differently from what was pushed (a slot race lost): the pushing desk must adopt
        // the server's state now. Its stream may deliver the commit before this answer, while the
        // desk still counts the document as its own unsent change and so ignores the streamed copy.
        const storedWire = toWire(stored);
        if (!sameState(storedWire, pushed)) committed.conflicts.push(storedWire);
      }
      return committed;
    },
    (committed) => publish(path.feed, device.centerId, committed.written),
  );
  return result.conflicts;
}

/** What the server's own work sees inside its write transaction. */
export interface ServerWriter {
  tx: StoreTransaction;
  /** The server's clock for this transaction. */
  now: Date;
  /** The stored document (tombstones too), as this transaction sees it. */
  get(collection: string, id: string): Promise<StoredDocument | null>;
  /** Stores a state through the collection's rules, with the next seq; published after commit. */
  put(collection: string, id: string, state: DocState): Promise<StoredDocument>;
}

/**
 * The server's own writes that depend on what is stored (a worker claiming a message, a verified
 * payment's ledger entry): `work` reads and writes in one transaction of the center, every
 * document it puts gets a seq and reaches the center's desks by stream after the commit. The
 * caller has validated what it writes; no actor or conflict check applies. Throwing undoes all.
 */
export async function commitServerWork<T>(
  path: WritePath,
  centerId: string,
  work: (writer: ServerWriter) => Promise<T>,
): Promise<T> {
  const now = path.now();
  const done = await path.store.write(
    async (tx) => {
      const written: StoredDocument[] = [];
      const writer: ServerWriter = {
        tx,
        now,
        async get(collection, id) {
          return (await tx.getDocuments(collection, [id])).get(id) ?? null;
        },
        async put(collection, id, state) {
          const before = await writer.get(collection, id);
          if (before && before.centerId !== centerId) {
            throw new AppError('forbidden', OTHER_CENTER, { id });
          }
          const stored = await storeDocument(tx, path.rules[collection], {
            collection,
            id,
            centerId,
            before,
            after: state,
            deviceId: null,
            now,
            pushKey: null,
          });
          written.push(stored);
          return stored;
        },
      };
      return { result: await work(writer), written };
    },
    (committed) => publish(path.feed, centerId, committed.written),
  );
  return done.result;
}

/**
 * The server's own writes (e.g. a new center and its manager): already validated by the caller,
 * no actor or conflict check, stored over whatever is there, in one transaction.
 */
export async function commitServerWrites(
  path: WritePath,
  centerId: string,
  writes: { collection: string; id: string; state: DocState }[],
  /** More work for the same transaction (a sign-up marks itself used): throwing undoes all. */
  alongside?: (tx: StoreTransaction) => Promise<void>,
): Promise<StoredDocument[]> {
  return commitServerWork(path, centerId, async (writer) => {
    await alongside?.(writer.tx);
    const written: StoredDocument[] = [];
    for (const w of writes) written.push(await writer.put(w.collection, w.id, w.state));
    return written;
  });
}
