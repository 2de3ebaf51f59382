/**
 * The desk's conflict policy (docs/sync-protocol.md): a field-level three-way merge.
 * - a field only this desk changed (relative to the state it last saw) keeps the desk's value;
 * - a field only the server changed takes the server's value;
 * - a field both changed differently keeps the server's value (it was committed first), and the
 *   desk's value is recorded in the conflict log for a person to see.
 * A delete on the server wins over edits made here (recorded too); a delete made here wins when the
 * server did not change the document.
 */
import { deepEqual, type RxConflictHandler, type WithDeleted } from 'rxdb';
import type { ConflictLog, FieldOverride } from './conflict-log';
import type { MergeRules } from './merge-rules';

/** Bookkeeping fields: never reported as conflicts; they follow whichever side changed content. */
const BOOKKEEPING = new Set(['updatedAt', 'updatedBy', 'deviceId']);

export interface MergeResult {
  doc: Record<string, unknown>;
  overrides: Omit<FieldOverride, 'at' | 'collection'>[];
}

export function threeWayMerge(
  assumed: Record<string, unknown> | undefined,
  server: Record<string, unknown>,
  local: Record<string, unknown>,
  rules: MergeRules = {},
): MergeResult {
  if (!assumed) return { doc: server, overrides: [] };
  const derivedFields = rules.derived?.fields ?? new Set<string>();
  const decided = new Set(rules.serverDecides?.(assumed, server) ?? []);
  const doc: Record<string, unknown> = { ...server };
  const overrides: MergeResult['overrides'] = [];
  let localWon = false;
  const keys = new Set([...Object.keys(server), ...Object.keys(local), ...Object.keys(assumed)]);
  for (const key of keys) {
    if (BOOKKEEPING.has(key) || derivedFields.has(key) || decided.has(key)) continue;
    const localChanged = !deepEqual(local[key], assumed[key]);
    if (!localChanged) continue;
    const serverChanged = !deepEqual(server[key], assumed[key]);
    if (!serverChanged) {
      doc[key] = local[key];
      localWon = true;
    } else if (!deepEqual(local[key], server[key])) {
      overrides.push({
        documentId: String(server.id),
        field: key,
        localValue: local[key],
        serverValue: server[key],
      });
    }
  }
  if (server._deleted === true && assumed._deleted !== true) {
    // Deleted elsewhere: edits made here to the document are reported, the delete stands.
    doc._deleted = true;
  }
  if (localWon) {
    for (const key of BOOKKEEPING) if (key in local) doc[key] = local[key];
  }
  return { doc: rules.derived ? { ...doc, ...rules.derived.apply(doc) } : doc, overrides };
}

/** RxDB's conflict handler for one collection, applying {@link threeWayMerge}. */
export function mergeConflictHandler(
  collection: string,
  log: () => ConflictLog | null,
  rules: MergeRules = {},
): RxConflictHandler<unknown> {
  return {
    isEqual(a, b) {
      return deepEqual(a, b);
    },
    async resolve(input) {
      const merged = threeWayMerge(
        input.assumedMasterState as Record<string, unknown> | undefined,
        input.realMasterState as Record<string, unknown>,
        input.newDocumentState as Record<string, unknown>,
        rules,
      );
      const at = new Date().toISOString();
      log()?.record(merged.overrides.map((o) => ({ ...o, at, collection })));
      return merged.doc as WithDeleted<unknown>;
    },
  };
}
