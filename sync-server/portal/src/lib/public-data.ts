/** Public data many pages show, fetched once per visit. */
import { memoize } from './hooks';
import { api } from './endpoints';

export const loadPolicy = memoize(() => api.policy());
export const loadCenter = memoize((slugOrId) => api.center(slugOrId));
