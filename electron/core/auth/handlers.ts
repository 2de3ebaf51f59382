import type { Handlers } from '../registry';

export const authHandlers: Partial<Handlers> = {
  async 'auth.state'(_args, ctx) {
    return {
      loginRequired: ctx.sync.enrolled,
      session: await ctx.session.refreshed(),
      centerName: ctx.sync.centerName,
    };
  },
  async 'auth.login'({ mobile, password }, ctx) {
    return ctx.session.login(mobile, password);
  },
  async 'auth.logout'(_args, ctx) {
    await ctx.session.logout();
    return null;
  },
};
