/** Stored documents as they cross the wire: the client's fields plus `_deleted`. */
import type { StoredDocument } from '../store/sync-store';

export type WireDoc = Record<string, unknown> & { _deleted: boolean };

/** A document state as the push path handles it: the client's fields and the tombstone flag. */
export interface DocState {
  data: Record<string, unknown>;
  deleted: boolean;
}

export function toWire(doc: DocState): WireDoc {
  return { ...doc.data, _deleted: doc.deleted };
}

export function storedState(doc: StoredDocument): DocState {
  return { data: doc.data, deleted: doc.deleted };
}

/** RxDB's bookkeeping that is never part of a master state (sent only with `keepMeta`). */
const RXDB_META = ['_meta', '_rev', '_attachments'];

/** An assumed master state as sent by a desk, in the form compared with the stored one. */
export function assumedWire(assumed: Record<string, unknown>): WireDoc {
  const copy: Record<string, unknown> = { ...assumed };
  for (const key of RXDB_META) delete copy[key];
  return { ...copy, _deleted: copy._deleted === true };
}
