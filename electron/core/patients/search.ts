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
