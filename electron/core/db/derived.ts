/**
 * Fields computed from other fields of a document. After a sync merge takes fields from both
 * sides they are computed again, so a merged patient is still found by its merged name.
 */
import { patientSearchText, patientSortName, type Patient } from '../../../shared/domain/patients';
import type { SyncedCollectionName } from '../../../shared/sync/collections';
import type { Derive } from '../sync/merge';

export const DERIVED: Partial<
  Record<SyncedCollectionName, { fields: ReadonlySet<string>; apply: Derive }>
> = {
  patients: {
    fields: new Set(['searchText', 'sortName']),
    apply: (doc) => {
      const p = doc as unknown as Patient;
      return { searchText: patientSearchText(p), sortName: patientSortName(p) };
    },
  },
};
