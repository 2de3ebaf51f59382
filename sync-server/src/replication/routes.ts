/**
 * Pull and push for every collection of the registry (paths from shared/sync/protocol.ts). Both
 * are scoped to the authenticated device's center; nothing in a request names a center.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import {
  pullQuerySchema,
  syncPaths,
  type PullResponse,
  type PushResponse,
  type WireDocument,
} from '../../../shared/sync/protocol';
import { deviceOf } from '../http/auth';
import { commitPush, type WritePath } from './commit';
import type { PreparedCollection } from './registry';
import { parseOrInvalid, validatePush } from './validate';
import { toWire } from './wire';

/**
 * The pull query, strict: a crafted parameter is refused rather than ignored. `centerId` is
 * accepted only when it names the device's own center (a client that sends it learns nothing).
 */
const pullQuery = pullQuerySchema.extend({ centerId: z.string().max(80).optional() }).strict();

const OTHER_CENTER_PULL = 'این دستگاه فقط داده‌های مرکز خودش را دریافت می‌کند.';

export function registerReplicationRoutes(
  app: FastifyInstance,
  collections: Map<string, PreparedCollection>,
  path: WritePath,
): void {
  for (const collection of collections.values()) {
    app.get(syncPaths.pull(collection.name), async (request): Promise<PullResponse> => {
      const device = deviceOf(request);
      const query = parseOrInvalid(pullQuery, request.query, 'پارامترهای دریافت معتبر نیست.');
      if (query.centerId !== undefined && query.centerId !== device.centerId) {
        throw new AppError('forbidden', OTHER_CENTER_PULL);
      }
      const docs = await path.store.pull({
        collection: collection.name,
        centerId: device.centerId,
        afterSeq: query.seq,
        limit: query.limit,
      });
      const seq = docs.at(-1)?.seq ?? query.seq;
      // Counted after the page was read; a commit in between only makes the figure a bit high.
      const remaining =
        docs.length < query.limit
          ? 0
          : await path.store.countAfter({
              collection: collection.name,
              centerId: device.centerId,
              afterSeq: seq,
            });
      return { documents: docs.map(toWire) as WireDocument[], checkpoint: { seq }, remaining };
    });

    app.post(syncPaths.push(collection.name), async (request): Promise<PushResponse> => {
      const device = deviceOf(request);
      const rows = validatePush(collection, request.body);
      const conflicts = await commitPush(path, device, collection, rows);
      request.log.info(
        { collection: collection.name, rows: rows.length, conflicts: conflicts.length },
        'push',
      );
      return { conflicts: conflicts as WireDocument[] };
    });
  }
}
