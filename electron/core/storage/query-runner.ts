/**
 * Runs RxDB's prepared queries as index range scans.
 *
 * RxDB hands every query over with its plan (`preparedQuery.queryPlan`): the index to use, the
 * start/end keys and whether the index alone satisfies the selector and the sort. We turn the keys
 * into encoded bounds with RxDB's own helpers and scan that one index column in SQL:
 * - selector and sort satisfied → SQL does everything, LIMIT/OFFSET included;
 * - sort satisfied, selector not → walk the range in order, match in JS, stop at skip+limit;
 * - sort not satisfied (any `desc`, or an index that does not lead with the sort fields) → match the
 *   whole range, then sort with RxDB's comparator, so ties and mixed types order exactly like RxDB.
 * A plan naming an index we do not have (a hand-written `index` hint) falls back to a full scan with
 * the matcher and JS sort: slower, never wrong.
 */
import type Database from 'better-sqlite3';
import type { PreparedQuery, RxDocumentData, RxJsonSchema, RxStorageCountResult } from 'rxdb';
import { getQueryMatcher, getSortComparator } from 'rxdb';
import { indexName, rangeOfPlan, type IndexColumn, type KeyRange } from './index-key';
import type { TableStore } from './table-store';

type Doc = RxDocumentData<unknown>;
type Shape = 'page' | 'rows' | 'count';

function rangeStatement(
  store: TableStore,
  column: IndexColumn,
  range: KeyRange,
  shape: Shape,
): Database.Statement<unknown[], unknown> {
  const key = `${column.column}|${range.inclusiveStart ? 1 : 0}${range.inclusiveEnd ? 1 : 0}|${shape}`;
  let stmt = store.rangeStatements.get(key);
  if (!stmt) {
    const c = column.column;
    const where = `${c} ${range.inclusiveStart ? '>=' : '>'} ? AND ${c} ${range.inclusiveEnd ? '<=' : '<'} ?`;
    const sql =
      shape === 'count'
        ? `SELECT COUNT(*) FROM ${store.table} WHERE ${where}`
        : `SELECT data FROM ${store.table} WHERE ${where} ORDER BY ${c}${shape === 'page' ? ' LIMIT ? OFFSET ?' : ''}`;
    stmt = store.file.db.prepare<unknown[], unknown>(sql).pluck();
    store.rangeStatements.set(key, stmt);
  }
  return stmt;
}

function parseAll(rows: unknown[]): Doc[] {
  const docs = new Array<Doc>(rows.length);
  for (let i = 0; i < rows.length; i++) docs[i] = JSON.parse(rows[i] as string) as Doc;
  return docs;
}

function fullScan(store: TableStore): Doc[] {
  return parseAll(store.file.db.prepare(`SELECT data FROM ${store.table}`).pluck().all());
}

export function runQuery(
  store: TableStore,
  schema: RxJsonSchema<Doc>,
  prepared: PreparedQuery<unknown>,
): Doc[] {
  const { query, queryPlan: plan } = prepared;
  const skip = query.skip ? query.skip : 0;
  // `limit: 0` is a real limit (RxDB's memory storage honours it too).
  const limit = typeof query.limit === 'number' ? query.limit : Infinity;
  if (limit === 0) return [];
  const column = store.columnByIndex.get(indexName(plan.index));
  if (!column) {
    const matcher = getQueryMatcher(schema, query);
    const docs = fullScan(store).filter((d) => matcher(d));
    return docs.sort(getSortComparator(schema, query)).slice(skip, skip + limit);
  }
  const range = rangeOfPlan(schema as RxJsonSchema<Doc>, plan);
  const matcher = plan.selectorSatisfiedByIndex ? null : getQueryMatcher(schema, query);

  if (plan.sortSatisfiedByIndex) {
    if (!matcher) {
      const page = rangeStatement(store, column, range, 'page');
      return parseAll(page.all(range.lower, range.upper, limit === Infinity ? -1 : limit, skip));
    }
    const wanted = skip + limit;
    const docs: Doc[] = [];
    for (const json of rangeStatement(store, column, range, 'rows').iterate(
      range.lower,
      range.upper,
    )) {
      const doc = JSON.parse(json as string) as Doc;
      if (matcher(doc)) {
        docs.push(doc);
        // Leaving the loop early closes the SQLite cursor (better-sqlite3 calls return()).
        if (docs.length >= wanted) break;
      }
    }
    return skip > 0 ? docs.slice(skip) : docs;
  }

  let docs = parseAll(rangeStatement(store, column, range, 'rows').all(range.lower, range.upper));
  if (matcher) docs = docs.filter((d) => matcher(d));
  docs.sort(getSortComparator(schema, query));
  return skip > 0 || docs.length > skip + limit ? docs.slice(skip, skip + limit) : docs;
}

/**
 * Counts without loading documents when the index satisfies the selector (one SQL COUNT over the
 * range, reported as `fast`); otherwise matches the range in JS and says `slow`, so RxDB's
 * `allowSlowCount` guard still means what it says. Skip and limit are honoured, as the contract
 * asks (count must equal the query's result length).
 */
export function runCount(
  store: TableStore,
  schema: RxJsonSchema<Doc>,
  prepared: PreparedQuery<unknown>,
): RxStorageCountResult {
  const { query, queryPlan: plan } = prepared;
  const column = store.columnByIndex.get(indexName(plan.index));
  let total: number;
  let mode: RxStorageCountResult['mode'] = 'fast';
  if (column && plan.selectorSatisfiedByIndex) {
    const range = rangeOfPlan(schema, plan);
    total = rangeStatement(store, column, range, 'count').get(range.lower, range.upper) as number;
  } else {
    mode = 'slow';
    total = runQuery(store, schema, {
      query: { ...query, skip: 0, limit: undefined, sort: query.sort },
      queryPlan: { ...plan, sortSatisfiedByIndex: true },
    }).length;
  }
  const skip = query.skip ? query.skip : 0;
  const limit = typeof query.limit === 'number' ? query.limit : Infinity;
  return { count: Math.max(0, Math.min(total - skip, limit)), mode };
}
