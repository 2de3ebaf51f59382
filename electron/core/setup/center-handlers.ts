import { AppError } from '../../../shared/api/errors';
import { publicListingProblems } from '../../../shared/api/setup';
import { STAFF_KINDS, STAFF_KIND_LABELS } from '../../../shared/domain/staff';
import { DEFAULT_RIGHTS, PERMISSIONS, type KindRights } from '../../../shared/auth/rights';
import { toLatinDigits } from '../../../shared/text/normalize';
import { escalation } from '../../../shared/auth/write-rights';
import { updatedFields, type CoreContext } from '../context';
import type { Handlers } from '../registry';

async function ownCenter(ctx: CoreContext) {
  const doc = await ctx.db.center.findOne(ctx.device.centerId).exec();
  if (!doc) {
    throw new AppError(
      'invalid',
      'ابتدا این رایانه را به مرکز وصل کنید (بخش همگام‌سازی)؛ مشخصات مرکز روی سرور مرکز ساخته می‌شود.',
    );
  }
  return doc;
}

export const centerHandlers: Partial<Handlers> = {
  async 'center.get'(_args, ctx) {
    const doc = await ctx.db.center.findOne(ctx.device.centerId).exec();
    const center = doc ? doc.toMutableJSON() : null;
    return { center, listingProblems: center ? publicListingProblems(center) : [] };
  },

  async 'center.update'(profile, ctx) {
    const doc = await ownCenter(ctx);
    const phones = profile.phones.map((p) => toLatinDigits(p));
    return ctx.writer.patch(
      'center',
      doc,
      {
        ...profile,
        phones,
        social: profile.social as Record<string, string>,
        ...updatedFields(ctx),
      },
      'ویرایش مشخصات و قوانین مرکز',
    );
  },

  async 'rights.get'(_args, ctx) {
    const defaults = Object.fromEntries(
      STAFF_KINDS.map((k) => [k, [...DEFAULT_RIGHTS[k]]]),
    ) as never;
    return { permissions: [...PERMISSIONS], defaults, byKind: await ctx.rights.kindRights() };
  },

  async 'rights.setKind'({ kind, granted, revoked }, ctx) {
    if (kind === 'manager') throw new AppError('invalid', 'دسترسی‌های مدیر مرکز تغییر نمی‌کند.');
    const doc = await ownCenter(ctx);
    if (ctx.sync.enrolled) {
      const me = await ctx.rights.staff(ctx.actor.staffId);
      const after = {
        rightsByKind: { ...(doc.rightsByKind as KindRights), [kind]: { granted, revoked } },
      };
      const reason = me
        ? escalation(me, 'center', doc.toMutableJSON(), after, await ctx.rights.kindRights())
        : 'ابتدا وارد شوید.';
      if (reason) throw new AppError('forbidden', reason);
    }
    const defaults = new Set<string>(DEFAULT_RIGHTS[kind]);
    const byKind: KindRights = { ...(doc.rightsByKind as KindRights) };
    byKind[kind] = {
      granted: [...new Set(granted)].filter((p) => !defaults.has(p)),
      revoked: [...new Set(revoked)].filter((p) => defaults.has(p)),
    };
    await ctx.writer.patch(
      'center',
      doc,
      { rightsByKind: byKind as never, ...updatedFields(ctx) },
      `تغییر دسترسی‌های پیش‌فرض «${STAFF_KIND_LABELS[kind]}»`,
    );
    return byKind;
  },
};
