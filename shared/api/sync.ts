import { z } from 'zod';
import { method, returns } from './method';
import type { SyncStatus } from './events';

export const syncMethods = {
  'sync.status': method({
    description: 'The current sync status (later changes arrive as `sync-status` events).',
    args: z.object({}).default({}),
    result: returns<SyncStatus>(),
  }),
};
