import type { MangoQuerySelector } from 'rxdb';
import { searchKey } from '../../../shared/text/normalize';
import type { Patient } from '../../../shared/domain/patients';
import type { Page } from '../../../shared/api/patients';
import type { ClinicDatabase } from '../db/database';
import type { PatientSearchIndex } from './search-index';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A typed mobile in any international form is matched against the stored 09… form. */
function searchToken(token: string): string {
  if (/^\+?98 ?9\d*$/.test(token)) return `0${token.replace(/^\+?98 ?/, '')}`;
  if (/^0098 ?9\d*$/.test(token)) return `0${token.slice(4).trim()}`;
  return token;
}

/** The tokens of a query, in the same form as the stored `searchText`. */
export function queryTokens(query: string): string[] {
  return searchKey(query.replace(/^\+/, ' +'))
    .split(' ')
    .filter(Boolean)
    .map(searchToken)
    .filter((t) => t !== '+');
}

/**
 * Patients whose search text contains every token of the query, in alphabetical order of last and
 * first name: from the in-memory index once it has loaded, from a database query before that.
 */
export async function searchPatients(
  db: ClinicDatabase,
  centerId: string,
  options: { query: string; limit: number; offset: number },
  index?: PatientSearchIndex,
): Promise<Page<Patient>> {
  const tokens = queryTokens(options.query);
  // A whole national id or mobile is an exact lookup on its own index.
  const only = tokens.length === 1 ? tokens[0]! : '';
  const exact = /^\d{10}$/.test(only)
    ? { nationalId: only }
    : /^09\d{9}$/.test(only)
      ? { mobile: `+98${only.slice(1)}` }
      : null;
  if (exact) {
    // No centerId in these selectors: RxDB's planner would pick the (centerId, sortName) index and
    // walk every patient. A desk holds only its own center's patients; the filter below is a guard.
    const docs = await db.patients.find({ selector: exact }).exec();
    const viaFile = await db.patients.find({ selector: { fileNumber: only } }).exec();
    const all = [...docs, ...viaFile.filter((d) => !docs.some((x) => x.id === d.id))].filter(
      (d) => d.centerId === centerId,
    );
    all.sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0));
    return {
      items: all
        .slice(options.offset, options.offset + options.limit)
        .map((d) => d.toMutableJSON()),
      total: all.length,
    };
  }
  if (index?.isReady) {
    const { ids, total } = index.search(tokens, options.offset, options.limit);
    const found = await db.patients.findByIds(ids).exec();
    const items = ids.flatMap((id) => {
      const doc = found.get(id);
      return doc ? [doc.toMutableJSON()] : [];
    });
    return { items, total };
  }
  const selector: MangoQuerySelector<Patient> = { centerId };
  if (tokens.length > 0) {
    selector.$and = tokens.map((t) => ({ searchText: { $regex: escapeRegex(t) } }));
  }
  const [docs, total] = await Promise.all([
    db.patients
      .find({
        selector,
        sort: [{ sortName: 'asc' }, { id: 'asc' }],
        skip: options.offset,
        limit: options.limit,
      })
      .exec(),
    db.patients.count({ selector }).exec(),
  ]);
  return { items: docs.map((d) => d.toMutableJSON()), total };
}
