import { AppError } from '../../../shared/api/errors';
import type { StaffView } from '../../../shared/api/setup';
import { hashPassword } from '../../../shared/auth/password';
import { effectiveRights, type KindRights } from '../../../shared/auth/rights';
import { escalation } from '../../../shared/auth/write-rights';
import { STAFF_KIND_LABELS, staffFullName, type Staff } from '../../../shared/domain/staff';
import { collationKey } from '../../../shared/text/collate';
import { createdFields, updatedFields, type CoreContext } from '../context';
import { newId } from '../ids';
import type { Handlers } from '../registry';

function view(staff: Staff, byKind: KindRights): StaffView {
  const { passwordHash, ...rest } = staff;
  return {
    ...rest,
    canLogIn: passwordHash !== '' && staff.mobile !== '',
    rights: [...effectiveRights(staff, byKind)],
  };
}

async function findStaff(ctx: CoreContext, id: string) {
  const doc = await ctx.db.staff.findOne(id).exec();
  if (!doc || doc.centerId !== ctx.device.centerId)
    throw new AppError('not-found', 'این کارمند پیدا نشد.');
  return doc;
}

/** The shared escalation rule (shared/auth/write-rights.ts), which the server applies again. */
async function assertMayManage(ctx: CoreContext, before: Staff | null, after: Partial<Staff>) {
  if (!ctx.sync.enrolled) return;
  const me = await ctx.rights.staff(ctx.actor.staffId);
  if (!me) throw new AppError('forbidden', 'ابتدا وارد شوید.');
  const reason = escalation(me, 'staff', before, after, await ctx.rights.kindRights());
  if (reason) throw new AppError('forbidden', reason);
}

export const staffHandlers: Partial<Handlers> = {
  async 'staff.list'(_args, ctx) {
    const byKind = await ctx.rights.kindRights();
    const docs = await ctx.db.staff.find({ selector: { centerId: ctx.device.centerId } }).exec();
    return docs
      .map((d) => view(d.toMutableJSON(), byKind))
      .sort((a, b) =>
        collationKey(`${a.lastName} ${a.firstName}`) < collationKey(`${b.lastName} ${b.firstName}`)
          ? -1
          : 1,
      );
  },

  async 'staff.save'({ id, password, ...input }, ctx) {
    const existing = id ? await findStaff(ctx, id) : null;
    await assertMayManage(ctx, existing?.toMutableJSON() ?? null, input);
    if (input.mobile) {
      const same = await ctx.db.staff.find({ selector: { mobile: input.mobile } }).exec();
      if (same.some((s) => s.id !== id && s.centerId === ctx.device.centerId)) {
        throw new AppError('conflict', 'این شماره برای کارمند دیگری ثبت شده است.', {
          fields: { mobile: 'این شماره برای کارمند دیگری ثبت شده است.' },
        });
      }
    }
    if (existing && existing.id === ctx.actor.staffId && !input.active) {
      throw new AppError('invalid', 'نمی‌توانید حساب خودتان را غیرفعال کنید.', {
        fields: { active: 'حساب خودتان' },
      });
    }
    const passwordHash = password ? await hashPassword(password) : (existing?.passwordHash ?? '');
    const fields = { ...input, passwordHash: input.mobile ? passwordHash : '' };
    const byKind = await ctx.rights.kindRights();
    const label = `${STAFF_KIND_LABELS[input.kind]} ${staffFullName(input)}`;
    if (existing) {
      const saved = await ctx.writer.patch(
        'staff',
        existing,
        { ...fields, ...updatedFields(ctx) },
        `ویرایش ${label}`,
      );
      return view(saved, byKind);
    }
    const staff: Staff = {
      ...createdFields(ctx, newId()),
      ...fields,
      rightsGranted: [],
      rightsRevoked: [],
    };
    return view(await ctx.writer.insert('staff', staff, `تعریف ${label}`), byKind);
  },

  async 'staff.setRights'({ id, granted, revoked }, ctx) {
    const doc = await findStaff(ctx, id);
    if (doc.kind === 'manager')
      throw new AppError('invalid', 'دسترسی‌های مدیر مرکز تغییر نمی‌کند.');
    await assertMayManage(ctx, doc.toMutableJSON(), {
      ...doc.toMutableJSON(),
      rightsGranted: granted,
    });
    const byKind = await ctx.rights.kindRights();
    // Stored relative to the kind's rights at this center, so a later change for the kind still applies.
    const kindRights = effectiveRights(
      { kind: doc.kind, active: true, rightsGranted: [], rightsRevoked: [] },
      byKind,
    );
    const patch = {
      rightsGranted: [...new Set(granted)].filter((p) => !kindRights.has(p)),
      rightsRevoked: [...new Set(revoked)].filter((p) => kindRights.has(p)),
    };
    const saved = await ctx.writer.patch(
      'staff',
      doc,
      { ...patch, ...updatedFields(ctx) },
      `تغییر دسترسی‌های ${staffFullName(doc)}`,
    );
    return view(saved, byKind);
  },
};
