/**
 * The one write path for documents: pushes from desks and the server's own writes (a new center)
 * both end here, so every document gets a seq, its domain rules and a place in the change feed.
 *
 * A push is one transaction. Per row: a document of another center refuses the whole push (403);
 * the server state already equal to the pushed one is a harmless re-send (no write); an assumed
 * master state equal to the server's (or no server state) writes; anything else returns the
 * server's state as a conflict. The acting staff member (`updatedBy`) must be active in the
 * device's center and allowed by {@link mayWrite}; otherwise the whole push is refused (403).
 */
import { AppError } from '../../../shared/api/errors';
import type { Staff } from '../../../shared/domain/staff';
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
import { mayWrite } from './rights';
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
const INACTIVE_ACTOR = 'ثبت‌کنندهٔ این تغییر کارمند فعال این مرکز نیست.';
const NOT_ALLOWED = 'ثبت‌کنندهٔ این تغییر اجازهٔ آن را ندارد.';

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
  const ctx = { tx, now: args.now, centerId: args.centerId, id: args.id };
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

/** Staff documents read during one push (a 500-row push usually names one actor). */
type ActorCache = Map<string, StoredDocument | null>;

async function checkActor(
  tx: StoreTransaction,
  device: DeviceRecord,
  collection: string,
  before: StoredDocument | null,
  row: PushRow,
  actors: ActorCache,
): Promise<void> {
  const actorId = row.state.data.updatedBy;
  const details = { index: row.index, id: row.id };
  let found: StoredDocument | null = null;
  if (typeof actorId === 'string') {
    if (!actors.has(actorId)) {
      actors.set(actorId, (await tx.getDocuments('staff', [actorId])).get(actorId) ?? null);
    }
    found = actors.get(actorId) ?? null;
  }
  const staff = found?.data as Staff | undefined;
  if (!found || found.deleted || found.centerId !== device.centerId || staff?.active !== true) {
    throw new AppError('forbidden', INACTIVE_ACTOR, details);
  }
  if (
    !mayWrite(staff, collection, before && !before.deleted ? before.data : null, row.state.data)
  ) {
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
      const actors: ActorCache = new Map();
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
          await checkActor(tx, device, collection.name, before, row, actors);
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
        // and a staff row that changes a person changes what their later rows may do.
        current.set(row.id, stored);
        if (collection.name === 'staff') actors.delete(row.id);
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

/**
 * The server's own writes (e.g. a new center and its manager): already validated by the caller,
 * no actor or conflict check, stored over whatever is there, in one transaction.
 */
export async function commitServerWrites(
  path: WritePath,
  centerId: string,
  writes: { collection: string; id: string; state: DocState }[],
): Promise<StoredDocument[]> {
  const now = path.now();
  return path.store.write(
    async (tx) => {
      const written: StoredDocument[] = [];
      for (const w of writes) {
        const before = (await tx.getDocuments(w.collection, [w.id])).get(w.id) ?? null;
        if (before && before.centerId !== centerId) {
          throw new AppError('forbidden', OTHER_CENTER, { id: w.id });
        }
        written.push(
          await storeDocument(tx, path.rules[w.collection], {
            collection: w.collection,
            id: w.id,
            centerId,
            before,
            after: w.state,
            deviceId: null,
            now,
            pushKey: null,
          }),
        );
      }
      return written;
    },
    (written) => publish(path.feed, centerId, written),
  );
}
