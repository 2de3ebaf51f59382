/**
 * Per-collection rules the conflict merge follows beyond plain field merging.
 * - `derived`: fields computed from others (recomputed after a merge, so a merged patient is still
 *   found by its merged name);
 * - `serverDecides`: fields the server owns in a given merge (a slot-race decision is not an edit
 *   the desk can out-vote by having touched the same field; a person resolves it in the queue).
 */
import { deepEqual } from 'rxdb';
import { patientSearchText, patientSortName, type Patient } from '../../../shared/domain/patients';
import type { SyncedCollectionName } from '../../../shared/sync/collections';

export type Doc = Record<string, unknown>;

export interface MergeRules {
  derived?: { fields: ReadonlySet<string>; apply: (doc: Doc) => Doc };
  serverDecides?: (assumed: Doc, server: Doc) => readonly string[];
}

export const MERGE_RULES: Partial<Record<SyncedCollectionName, MergeRules>> = {
  patients: {
    derived: {
      fields: new Set(['searchText', 'sortName']),
      apply: (doc) => {
        const p = doc as unknown as Patient;
        return { searchText: patientSearchText(p), sortName: patientSortName(p) };
      },
    },
  },
  appointments: {
    // A new arbitration by the server (a `conflict` it has not shown this desk yet) decides the
    // booking's status, whatever the desk did to it meanwhile.
    serverDecides: (assumed, server) =>
      server.status === 'conflict' && !deepEqual(server.conflict, assumed.conflict)
        ? ['status', 'conflict']
        : [],
  },
};
