/**
 * Index keys: RxDB's indexable strings, stored so that SQLite orders them exactly as RxDB does in JS.
 *
 * HAZARD: SQLite compares TEXT as UTF-8 bytes, JS compares strings by UTF-16 code units. The two
 * orders disagree for characters outside the BMP (emoji): as UTF-16 they are surrogate pairs
 * (0xD800–0xDFFF) and sort *below* U+E000–U+FFFF, as UTF-8 they are 4-byte sequences and sort
 * *above* everything. RxDB's upper bounds pad string fields with INDEX_MAX ('\uffff'), so with TEXT
 * keys a range scan would silently drop every row whose indexed string holds an emoji. We therefore
 * store each key as a BLOB of the string's UTF-16 code units in big-endian byte order: SQLite
 * compares BLOBs with memcmp and then by length, which is exactly JS's code-unit order with a
 * shorter prefix first. Lone surrogates survive too (Node's utf16le codec copies code units as-is).
 * Every key and every bound must go through {@link encodeIndexKey}; never compare raw strings in SQL.
 */
import type { RxDocumentData, RxJsonSchema, RxQueryPlan } from 'rxdb';
import {
  getIndexableStringMonad,
  getPrimaryFieldOfPrimaryKey,
  getStartIndexStringFromLowerBound,
  getStartIndexStringFromUpperBound,
} from 'rxdb';

/** UTF-16BE bytes of `indexString`: memcmp on these equals JS `<` on the strings. */
export function encodeIndexKey(indexString: string): Buffer {
  // One pass over the code units into a pooled allocation: cheaper than encoding as UTF-16LE and
  // swapping (every write encodes one key per index per document).
  const n = indexString.length;
  const key = Buffer.allocUnsafe(n * 2);
  for (let i = 0, j = 0; i < n; i++, j += 2) {
    const unit = indexString.charCodeAt(i);
    key[j] = unit >>> 8;
    key[j + 1] = unit & 0xff;
  }
  return key;
}

/** Inverse of {@link encodeIndexKey}; for tests and debugging. */
export function decodeIndexKey(key: Uint8Array): string {
  return Buffer.from(key).swap16().toString('utf16le');
}

export interface IndexColumn {
  /** The index's fields as RxDB filled them in (`_deleted` first, the primary key last). */
  readonly fields: readonly string[];
  /** `fields.join(',')`, the lookup key for a query plan's `index`. */
  readonly name: string;
  /** The SQL column holding the encoded key (`k0`, `k1`, …): safe to splice into SQL. */
  readonly column: string;
  /** The document's indexable string for this index; built once per table, reused per write. */
  readonly keyOf: (doc: RxDocumentData<unknown>) => string;
}

export function indexName(fields: readonly string[]): string {
  return fields.join(',');
}

/** The field list getChangedDocumentsSince() walks: RxDB adds it to every filled schema. */
export function changesIndexFields(schema: RxJsonSchema<RxDocumentData<unknown>>): string[] {
  return ['_meta.lwt', getPrimaryFieldOfPrimaryKey(schema.primaryKey)];
}

/**
 * One column per schema index, plus the `_meta.lwt,<primary>` index when a hand-made schema lacks
 * it (checkpoints need it). Column order follows the schema, so a table reopened with the same
 * schema gets the same columns.
 */
export function indexColumnsFor(schema: RxJsonSchema<RxDocumentData<unknown>>): IndexColumn[] {
  const lists: string[][] = (schema.indexes ?? []).map((index) =>
    typeof index === 'string' ? [index] : [...index],
  );
  lists.push(changesIndexFields(schema));
  const seen = new Set<string>();
  const columns: IndexColumn[] = [];
  for (const fields of lists) {
    const name = indexName(fields);
    if (seen.has(name)) continue;
    seen.add(name);
    columns.push({
      fields,
      name,
      column: `k${columns.length}`,
      keyOf: getIndexableStringMonad(schema, fields) as (doc: RxDocumentData<unknown>) => string,
    });
  }
  return columns;
}

export interface KeyRange {
  lower: Buffer;
  upper: Buffer;
  inclusiveStart: boolean;
  inclusiveEnd: boolean;
}

/** The encoded [lower, upper] range of a query plan, built with RxDB's own bound helpers. */
export function rangeOfPlan(
  schema: RxJsonSchema<RxDocumentData<unknown>>,
  plan: RxQueryPlan,
): KeyRange {
  return {
    lower: encodeIndexKey(getStartIndexStringFromLowerBound(schema, plan.index, plan.startKeys)),
    upper: encodeIndexKey(getStartIndexStringFromUpperBound(schema, plan.index, plan.endKeys)),
    inclusiveStart: plan.inclusiveStart,
    inclusiveEnd: plan.inclusiveEnd,
  };
}
