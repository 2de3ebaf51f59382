import type { Handlers } from '../registry';

export const appHandlers: Partial<Handlers> = {
  async 'app.info'(_args, ctx) {
    return ctx.info;
  },
};
