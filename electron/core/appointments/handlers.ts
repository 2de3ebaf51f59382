/**
 * Booking, the part the sync issue needs (the scheduling issue builds the desk around it). The desk
 * refuses time it already knows is taken; the server settles races between devices.
 */
import { randomInt } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import { holdsSlot, rangesOverlap, type Appointment } from '../../../shared/domain/appointments';
import { createdFields, type CoreContext } from '../context';
import { newId } from '../ids';
import type { Handlers } from '../registry';
import { formatJalali } from '../../../shared/time/dates';

/** 8 digits: easy to read out on the phone and to type. */
function trackingCode(): string {
  return String(randomInt(10_000_000, 100_000_000));
}

async function clashOnThisDesk(
  ctx: CoreContext,
  a: Pick<Appointment, 'providerId' | 'date' | 'start' | 'end'>,
) {
  const sameDay = await ctx.db.appointments
    .find({ selector: { providerId: a.providerId, date: a.date } })
    .exec();
  return sameDay.find((b) => holdsSlot(b) && !b.overbook && rangesOverlap(a, b)) ?? null;
}

export const appointmentHandlers: Partial<Handlers> = {
  async 'appointments.book'(args, ctx) {
    const [patient, provider] = await Promise.all([
      ctx.db.patients.findOne(args.patientId).exec(),
      ctx.db.staff.findOne(args.providerId).exec(),
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
    if (args.overbook && ctx.sync.enrolled) {
      await ctx.rights.require(
        ctx.actor.staffId,
        'appointments.overbook',
        'ثبت نوبت اضافه به دسترسی «نوبت اضافه» نیاز دارد.',
      );
    }
    if (!args.overbook) {
      const clash = await clashOnThisDesk(ctx, args);
      if (clash) {
        throw new AppError('conflict', 'این زمان پیش‌تر برای بیمار دیگری رزرو شده است.', {
          existingId: clash.id,
        });
      }
    }
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
      packageId: '',
    };
    return ctx.writer.insert(
      'appointments',
      appointment,
      `نوبت ${patient.firstName} ${patient.lastName} در ${formatJalali(args.date)}`,
    );
  },

  async 'appointments.get'({ id }, ctx) {
    const doc = await ctx.db.appointments.findOne(id).exec();
    if (!doc || doc.centerId !== ctx.device.centerId)
      throw new AppError('not-found', 'این نوبت پیدا نشد.');
    return doc.toMutableJSON();
  },
};
