import type { MangoQuerySelector } from 'rxdb';
import { verifyAuditChains, type AuditEntry } from '../../../shared/domain/audit';
import type { Handlers } from '../registry';

/** A Tehran calendar day's first instant in UTC (Iran keeps UTC+03:30 all year). */
function tehranDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 210 * 60_000).toISOString();
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export const auditHandlers: Partial<Handlers> = {
  async 'audit.list'(args, ctx) {
    const selector: MangoQuerySelector<AuditEntry> = { centerId: ctx.device.centerId };
    const createdAt: Record<string, string> = {};
    if (args.from) createdAt.$gte = tehranDayStart(args.from);
    if (args.to) createdAt.$lt = tehranDayStart(nextDay(args.to));
    if (Object.keys(createdAt).length > 0) selector.createdAt = createdAt;
    if (args.actorId) selector.actorId = args.actorId;
    if (args.section) selector.targetCollection = args.section;
    if (args.targetId) selector.targetId = args.targetId;
    const [docs, total] = await Promise.all([
      ctx.db.audit
        .find({ selector, sort: [{ createdAt: 'desc' }], skip: args.offset, limit: args.limit })
        .exec(),
      ctx.db.audit.count({ selector }).exec(),
    ]);
    return { items: docs.map((d) => d.toMutableJSON()), total };
  },

  async 'audit.verify'(_args, ctx) {
    const all = await ctx.db.audit.find({ selector: { centerId: ctx.device.centerId } }).exec();
    const problems = await verifyAuditChains(all.map((d) => d.toMutableJSON()));
    return { ok: problems.length === 0, checked: all.length, problems };
  },

  async 'licence.status'(_args, ctx) {
    if (!ctx.sync.enrolled) {
      return {
        state: 'missing',
        seats: 1,
        modules: [],
        validUntil: null,
        message: 'این رایانه به مرکز وصل نیست و به تنهایی کار می‌کند.',
      };
    }
    return ctx.licence.status();
  },
};
