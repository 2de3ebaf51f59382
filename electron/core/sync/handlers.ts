import type { Handlers } from '../registry';

export const syncHandlers: Partial<Handlers> = {
  async 'sync.status'(_args, ctx) {
    return ctx.syncStatus();
  },
};
