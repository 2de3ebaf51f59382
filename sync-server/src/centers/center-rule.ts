/** A center's own document has the center's id: one profile per center, never a second one. */
import { AppError } from '../../../shared/api/errors';
import type { CollectionRule } from '../replication/collection-rules';

export const centerRule: CollectionRule = {
  prepare(ctx, _before, after) {
    if (ctx.id !== ctx.centerId) {
      return Promise.reject(
        new AppError('invalid', 'شناسهٔ سند مرکز باید همان شناسهٔ مرکز باشد.', {
          id: ctx.id,
          fields: { id: 'شناسهٔ سند مرکز باید همان شناسهٔ مرکز باشد.' },
        }),
      );
    }
    return Promise.resolve(after);
  },
};
