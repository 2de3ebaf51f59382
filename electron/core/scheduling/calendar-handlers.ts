/**
 * Holidays (official and the center's), free slots and the desk's calendar days. Free slots read
 * the provider's bookings from the local `appointments` collection through its
 * ['providerId', 'date', 'start'] index; the server still settles races between devices.
 */
import { AppError, invalidFields } from '../../../shared/api/errors';
import { scheduleBlank, type ScheduleDoc } from '../../../shared/domain/schedules';
import { lunarHolidays, lunarListProblems } from '../../../shared/scheduling/holidays';
import { freeSlots, planDay } from '../../../shared/scheduling/slots';
import { eachDate } from '../../../shared/scheduling/day-math';
import { toPersianDigits } from '../../../shared/text/normalize';
import { createdFields, updatedFields, type CoreContext } from '../context';
import type { Handlers } from '../registry';
import {
  centerClosedDays,
  findLunarList,
  findProvider,
  keyedId,
  lunarOverrides,
  providerFacts,
} from './schedule-store';

async function lunarYear(ctx: CoreContext, jalaliYear: number) {
  return { jalaliYear, ...lunarHolidays(jalaliYear, await lunarOverrides(ctx)) };
}

async function serviceDuration(ctx: CoreContext, serviceId: string): Promise<number> {
  const doc = await ctx.db.catalog.findOne(serviceId).exec();
  if (!doc || doc.centerId !== ctx.device.centerId || doc.kind !== 'service' || !doc.active) {
    throw new AppError('not-found', 'این خدمت پیدا نشد.', {
      fields: { serviceId: 'خدمت فعال را انتخاب کنید.' },
    });
  }
  if (doc.durationMin <= 0) {
    throw invalidFields({ serviceId: 'برای این خدمت مدت تعریف نشده است.' });
  }
  return doc.durationMin;
}

export const calendarHandlers: Partial<Handlers> = {
  async 'holidays.list'({ from, to }, ctx) {
    const { weekend, holidays, weekendDays, missingLunarYears } = await centerClosedDays(
      ctx,
      from,
      to,
    );
    return { holidays, weekendDays, weekend, missingLunarYears };
  },

  async 'holidays.getLunar'({ jalaliYear }, ctx) {
    return lunarYear(ctx, jalaliYear);
  },

  async 'holidays.setLunar'({ jalaliYear, holidays }, ctx) {
    const problems = lunarListProblems(jalaliYear, holidays);
    if (problems.length) {
      throw invalidFields(
        Object.fromEntries(problems.map((p) => [`holidays.${p.index}.date`, p.message])),
      );
    }
    const sorted = [...holidays].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const summary = toPersianDigits(`فهرست تعطیلات قمری سال ${jalaliYear} (${sorted.length} روز)`);
    const existing = await findLunarList(ctx, jalaliYear);
    if (existing) {
      await ctx.writer.patch<ScheduleDoc>(
        'schedules',
        existing,
        { holidays: sorted, ...updatedFields(ctx) },
        summary,
      );
    } else {
      const doc: ScheduleDoc = {
        ...createdFields(ctx, keyedId(ctx, 'lunar-holidays', jalaliYear)),
        ...scheduleBlank(),
        kind: 'lunar-holidays',
        jalaliYear,
        holidays: sorted,
      };
      await ctx.writer.insert('schedules', doc, summary);
    }
    return lunarYear(ctx, jalaliYear);
  },

  async 'slots.free'(args, ctx) {
    await findProvider(ctx, args.providerId);
    const durationMin =
      args.serviceId !== undefined ? await serviceDuration(ctx, args.serviceId) : args.durationMin!;
    const closed = await centerClosedDays(ctx, args.from, args.to);
    const facts = await providerFacts(ctx, args.providerId, args.from, args.to, closed);
    const bookings = await ctx.db.appointments
      .find({
        selector: { providerId: args.providerId, date: { $gte: args.from, $lte: args.to } },
        sort: [{ providerId: 'asc' }, { date: 'asc' }, { start: 'asc' }],
        index: ['providerId', 'date', 'start'],
      })
      .exec();
    const slots = freeSlots(facts, {
      from: args.from,
      to: args.to,
      durationMin,
      now: ctx.now(),
      minNoticeMin: args.minNoticeMin,
      maxAheadDays: args.maxAheadDays,
      bookings: bookings
        .filter((b) => b.centerId === ctx.device.centerId)
        .map((b) => ({ date: b.date, start: b.start, end: b.end, status: b.status })),
    });
    const stepMin = facts.slotStepMin > 0 ? facts.slotStepMin : durationMin;
    return { durationMin, stepMin, slots };
  },

  async 'calendar.days'({ providerIds, from, to }, ctx) {
    const ids = [...new Set(providerIds)];
    for (const [i, id] of ids.entries()) await findProvider(ctx, id, `providerIds.${i}`);
    const closed = await centerClosedDays(ctx, from, to);
    const dates = eachDate(from, to);
    const providers = await Promise.all(
      ids.map(async (providerId) => {
        const facts = await providerFacts(ctx, providerId, from, to, closed);
        return { providerId, days: dates.map((date) => planDay(date, facts)) };
      }),
    );
    return { providers, holidays: closed.holidays };
  },
};
