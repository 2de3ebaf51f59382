/**
 * Bookings and receptions (B1, B3, B8). The desk refuses time it already knows is taken; the server
 * settles races between devices (a loser comes back `conflict` and waits in the conflict queue).
 */
import { randomInt } from 'node:crypto';
import type { RxDocument } from 'rxdb';
import { AppError } from '../../../shared/api/errors';
import { holdsSlot, rangesOverlap, type Appointment } from '../../../shared/domain/appointments';
import { formatJalali, todayInTehran } from '../../../shared/time/dates';
import { createdFields, updatedFields, type CoreContext } from '../context';
import { newId } from '../ids';
import type { Handlers } from '../registry';
import { listAppointments, exportAppointments } from './list';
import { queueAutomatic } from '../messages/queue';
import { toRows } from './rows';

/** 8 digits: easy to read out on the phone and to type. */
function trackingCode(): string {
  return String(randomInt(10_000_000, 100_000_000));
}

async function clashOnThisDesk(
  ctx: CoreContext,
  a: Pick<Appointment, 'providerId' | 'date' | 'start' | 'end'>,
  exceptId = '',
) {
  const sameDay = await ctx.db.appointments
    .find({ selector: { providerId: a.providerId, date: a.date } })
    .exec();
  return (
    sameDay.find((b) => b.id !== exceptId && holdsSlot(b) && !b.overbook && rangesOverlap(a, b)) ??
    null
  );
}

async function assertFree(
  ctx: CoreContext,
  a: Pick<Appointment, 'providerId' | 'date' | 'start' | 'end'>,
  overbook: boolean,
  exceptId = '',
) {
  if (overbook) {
    if (ctx.sync.enrolled) {
      await ctx.rights.require(
        ctx.actor.staffId,
        'appointments.overbook',
        'ثبت نوبت اضافه به دسترسی «نوبت اضافه» نیاز دارد.',
      );
    }
    return;
  }
  const clash = await clashOnThisDesk(ctx, a, exceptId);
  if (clash)
    throw new AppError('conflict', 'این زمان پیش‌تر برای بیمار دیگری رزرو شده است.', {
      existingId: clash.id,
    });
}

async function findOwn(ctx: CoreContext, id: string): Promise<RxDocument<Appointment>> {
  const doc = await ctx.db.appointments.findOne(id).exec();
  if (!doc || doc.centerId !== ctx.device.centerId)
    throw new AppError('not-found', 'این نوبت پیدا نشد.');
  return doc;
}

async function names(ctx: CoreContext, patientId: string, providerId: string) {
  const [patient, provider] = await Promise.all([
    ctx.db.patients.findOne(patientId).exec(),
    ctx.db.staff.findOne(providerId).exec(),
  ]);
  if (!patient || patient.centerId !== ctx.device.centerId) {
    throw new AppError('not-found', 'این بیمار پیدا نشد.', {
      fields: { patientId: 'بیمار را انتخاب کنید.' },
    });
  }
  if (!provider || !provider.active || provider.centerId !== ctx.device.centerId) {
    throw new AppError('not-found', 'این ارائه‌دهنده پیدا نشد.', {
      fields: { providerId: 'ارائه‌دهنده را انتخاب کنید.' },
    });
  }
  return { patient: `${patient.firstName} ${patient.lastName}`, doc: patient.toMutableJSON() };
}

/** The package a session is booked against: this patient's, active, not expired, with sessions left. */
async function checkPackage(ctx: CoreContext, packageId: string, patientId: string) {
  if (!packageId) return;
  const pkg = await ctx.db.packages.findOne(packageId).exec();
  if (!pkg || pkg.patientId !== patientId || pkg.status !== 'active') {
    throw new AppError('invalid', 'این بسته برای این بیمار نیست یا فعال نیست.', {
      fields: { packageId: 'بستهٔ دیگری انتخاب کنید.' },
    });
  }
  if (pkg.validUntil && pkg.validUntil < todayInTehran(ctx.now())) {
    throw new AppError('invalid', 'مهلت استفاده از این بسته گذشته است.', {
      fields: { packageId: 'بسته منقضی شده است.' },
    });
  }
  const visits = await ctx.db.appointments.find({ selector: { packageId } }).exec();
  const taken = visits.filter((v) =>
    ['booked', 'held', 'checked-in', 'done'].includes(v.status),
  ).length;
  if (taken >= pkg.sessions) {
    throw new AppError('invalid', 'همهٔ جلسه‌های این بسته استفاده یا رزرو شده است.', {
      fields: { packageId: 'جلسه‌ای باقی نمانده است.' },
    });
  }
}

/** Changes the status; only bookings that are still open may change (and a conflict only by a person's decision). */
async function setStatus(
  ctx: CoreContext,
  id: string,
  status: Appointment['status'],
  allowedFrom: Appointment['status'][],
  summary: string,
  extra: Partial<Appointment> = {},
) {
  const doc = await findOwn(ctx, id);
  if (!allowedFrom.includes(doc.status)) {
    throw new AppError('conflict', 'وضعیت این نوبت اجازهٔ این کار را نمی‌دهد.', {
      status: doc.status,
    });
  }
  const who = await names(ctx, doc.patientId, doc.providerId);
  return ctx.writer.patch(
    'appointments',
    doc,
    { status, ...extra, ...updatedFields(ctx) },
    `${summary} ${who.patient} (${formatJalali(doc.date)})`,
  );
}

export const appointmentHandlers: Partial<Handlers> = {
  async 'appointments.book'(args, ctx) {
    const who = await names(ctx, args.patientId, args.providerId);
    await checkPackage(ctx, args.packageId, args.patientId);
    await assertFree(ctx, args, args.overbook);
    const appointment: Appointment = {
      ...createdFields(ctx, newId()),
      patientId: args.patientId,
      providerId: args.providerId,
      serviceId: args.serviceId,
      date: args.date,
      start: args.start,
      end: args.end,
      status: 'booked',
      source: 'desk',
      trackingCode: trackingCode(),
      overbook: args.overbook,
      notes: args.notes,
      cancelReason: '',
      conflict: null,
      packageId: args.packageId,
      walkIn: false,
      checkedInAt: '',
    };
    const saved = await ctx.writer.insert(
      'appointments',
      appointment,
      `نوبت ${who.patient} در ${formatJalali(args.date)}`,
    );
    await queueAutomatic(ctx, 'confirmation', who.doc, saved);
    return saved;
  },

  async 'appointments.walkIn'(args, ctx) {
    const who = await names(ctx, args.patientId, args.providerId);
    await checkPackage(ctx, args.packageId, args.patientId);
    const now = ctx.now();
    const date = todayInTehran(now);
    const minute = Math.floor(((now.getTime() + 210 * 60_000) % 86_400_000) / 60_000);
    const start = Math.min(minute, 24 * 60 - args.durationMin);
    const appointment: Appointment = {
      ...createdFields(ctx, newId()),
      patientId: args.patientId,
      providerId: args.providerId,
      serviceId: args.serviceId,
      date,
      start,
      end: start + args.durationMin,
      status: 'checked-in',
      source: 'desk',
      trackingCode: trackingCode(),
      // A walk-in is seen between bookings; it never takes a booked patient's time.
      overbook: true,
      notes: args.notes,
      cancelReason: '',
      conflict: null,
      packageId: args.packageId,
      walkIn: true,
      checkedInAt: now.toISOString(),
    };
    return ctx.writer.insert('appointments', appointment, `پذیرش بدون نوبت ${who.patient}`);
  },

  async 'appointments.move'({ id, providerId, date, start, end, overbook }, ctx) {
    const doc = await findOwn(ctx, id);
    if (!['booked', 'held', 'conflict'].includes(doc.status)) {
      throw new AppError('conflict', 'فقط نوبت‌های در انتظار جابه‌جا می‌شوند.', {
        status: doc.status,
      });
    }
    const target = { providerId: providerId ?? doc.providerId, date, start, end };
    const who = await names(ctx, doc.patientId, target.providerId);
    await assertFree(ctx, target, overbook, id);
    return ctx.writer.patch(
      'appointments',
      doc,
      { ...target, overbook, status: 'booked', conflict: null, ...updatedFields(ctx) },
      `جابه‌جایی نوبت ${who.patient} به ${formatJalali(date)}`,
    );
  },

  async 'appointments.cancel'({ id, reason }, ctx) {
    const saved = await setStatus(
      ctx,
      id,
      'cancelled',
      ['booked', 'held', 'conflict'],
      'لغو نوبت',
      {
        cancelReason: reason,
        conflict: null,
      },
    );
    const patient = await ctx.db.patients.findOne(saved.patientId).exec();
    if (patient) await queueAutomatic(ctx, 'cancellation', patient.toMutableJSON(), saved);
    return saved;
  },

  async 'appointments.checkIn'({ id }, ctx) {
    const doc = await findOwn(ctx, id);
    if (doc.date > todayInTehran(ctx.now())) {
      throw new AppError(
        'invalid',
        `این نوبت برای ${formatJalali(doc.date)} است؛ پذیرش در روز نوبت انجام می‌شود.`,
      );
    }
    return setStatus(ctx, id, 'checked-in', ['booked', 'no-show'], 'پذیرش', {
      checkedInAt: ctx.now().toISOString(),
    });
  },

  async 'appointments.noShow'({ id }, ctx) {
    const doc = await findOwn(ctx, id);
    const today = todayInTehran(ctx.now());
    const minute = Math.floor(((ctx.now().getTime() + 210 * 60_000) % 86_400_000) / 60_000);
    if (doc.date > today || (doc.date === today && minute < doc.start)) {
      throw new AppError(
        'invalid',
        'زمان این نوبت هنوز نرسیده است؛ عدم حضور پس از زمان نوبت ثبت می‌شود.',
      );
    }
    return setStatus(ctx, id, 'no-show', ['booked'], 'عدم حضور');
  },

  async 'appointments.done'({ id }, ctx) {
    return setStatus(ctx, id, 'done', ['checked-in'], 'پایان ویزیت');
  },

  async 'appointments.keepOverbook'({ id }, ctx) {
    return setStatus(ctx, id, 'booked', ['conflict'], 'نگه داشتن نوبت اضافهٔ', {
      overbook: true,
      conflict: null,
    });
  },

  async 'appointments.get'({ id }, ctx) {
    return (await findOwn(ctx, id)).toMutableJSON();
  },

  async 'appointments.row'({ id }, ctx) {
    const [row] = await toRows(ctx.db, [(await findOwn(ctx, id)).toMutableJSON()]);
    return row!;
  },

  async 'appointments.list'(args, ctx) {
    return listAppointments(ctx, args);
  },

  async 'appointments.export'(args, ctx) {
    return exportAppointments(ctx, args);
  },
};
