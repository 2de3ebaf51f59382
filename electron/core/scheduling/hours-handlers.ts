/**
 * Working time: the center's opening hours, a provider's weekly hours, one-day exceptions, leaves
 * and the center's closures. Every change goes through `ctx.writer` (and so into the audit log).
 */
import { AppError } from '../../../shared/api/errors';
import {
  formatMinutes,
  scheduleBlank,
  WEEKDAY_LABELS,
  type ScheduleDoc,
  type TimeBlock,
  type WeekHours,
} from '../../../shared/domain/schedules';
import { toPersianDigits } from '../../../shared/text/normalize';
import { formatJalali, todayInTehran } from '../../../shared/time/dates';
import type { ProviderSchedule } from '../../../shared/api/scheduling';
import { createdFields, updatedFields, type CoreContext } from '../context';
import { newId } from '../ids';
import type { Handlers } from '../registry';
import {
  findCenterHours,
  findException,
  findExceptions,
  findLeaves,
  findProvider,
  findProviderHours,
  keyedId,
  providerName,
} from './schedule-store';

const blocksText = (blocks: readonly TimeBlock[]) =>
  blocks.map((b) => `${formatMinutes(b.start)}–${formatMinutes(b.end)}`).join(' و ');

/** e.g. «شنبه ۰۸:۰۰–۱۲:۰۰ و ۱۶:۰۰–۲۰:۰۰؛ یکشنبه تعطیل…» for the audit log. */
function weekText(week: WeekHours): string {
  return toPersianDigits(
    week
      .map(
        (blocks, day) => `${WEEKDAY_LABELS[day]} ${blocks.length ? blocksText(blocks) : 'تعطیل'}`,
      )
      .join('؛ '),
  );
}

const jalali = (date: string) => toPersianDigits(formatJalali(date));
const span = (from: string, to: string) =>
  from === to ? jalali(from) : `${jalali(from)} تا ${jalali(to)}`;

async function ownScheduleDoc(ctx: CoreContext, id: string, kind: 'leave' | 'closure') {
  const doc = await ctx.db.schedules.findOne(id).exec();
  if (!doc || doc.centerId !== ctx.device.centerId || doc.kind !== kind) {
    throw new AppError(
      'not-found',
      kind === 'leave' ? 'این مرخصی پیدا نشد.' : 'این تعطیلی پیدا نشد.',
    );
  }
  return doc;
}

async function scheduleOf(
  ctx: CoreContext,
  providerId: string,
  includePast: boolean,
): Promise<ProviderSchedule> {
  const from = includePast ? '' : todayInTehran(ctx.now());
  const [center, own, exceptions, leaves] = await Promise.all([
    findCenterHours(ctx),
    findProviderHours(ctx, providerId),
    findExceptions(ctx, providerId, from),
    findLeaves(ctx, providerId, from),
  ]);
  return {
    providerId,
    centerHours: center ? center.toMutableJSON().week : null,
    providerHours: own ? own.toMutableJSON().week : null,
    slotStepMin: own?.slotStepMin ?? 0,
    exceptions: exceptions.map((e) => ({ date: e.date, blocks: e.toMutableJSON().blocks })),
    leaves: leaves
      .map((l) => ({ id: l.id, from: l.date, to: l.toDate, reason: l.reason }))
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)),
  };
}

export const hoursHandlers: Partial<Handlers> = {
  async 'schedules.get'({ providerId, includePast }, ctx) {
    await findProvider(ctx, providerId);
    return scheduleOf(ctx, providerId, includePast);
  },

  async 'schedules.setProviderHours'({ providerId, week, slotStepMin }, ctx) {
    const provider = await findProvider(ctx, providerId);
    const fields = { week, slotStepMin: slotStepMin ?? 0 };
    const summary = `ساعات کاری هفتگی ${providerName(provider)}: ${weekText(week)}`;
    const existing = await findProviderHours(ctx, providerId);
    if (existing) {
      await ctx.writer.patch<ScheduleDoc>(
        'schedules',
        existing,
        { ...fields, ...updatedFields(ctx) },
        summary,
      );
    } else {
      const doc: ScheduleDoc = {
        ...createdFields(ctx, keyedId(ctx, 'provider-hours', providerId)),
        ...scheduleBlank(),
        kind: 'provider-hours',
        providerId,
        ...fields,
      };
      await ctx.writer.insert('schedules', doc, summary);
    }
    return scheduleOf(ctx, providerId, false);
  },

  async 'schedules.setCenterHours'({ week }, ctx) {
    const summary = `ساعات کار مرکز: ${weekText(week)}`;
    const existing = await findCenterHours(ctx);
    if (existing) {
      await ctx.writer.patch<ScheduleDoc>(
        'schedules',
        existing,
        { week, ...updatedFields(ctx) },
        summary,
      );
    } else {
      const doc: ScheduleDoc = {
        ...createdFields(ctx, keyedId(ctx, 'center-hours')),
        ...scheduleBlank(),
        kind: 'center-hours',
        week,
      };
      await ctx.writer.insert('schedules', doc, summary);
    }
    return week;
  },

  async 'schedules.setException'({ providerId, date, blocks }, ctx) {
    const provider = await findProvider(ctx, providerId);
    const summary = toPersianDigits(
      `ساعات ${providerName(provider)} در ${formatJalali(date)}: ${blocks.length ? blocksText(blocks) : 'روز کاری نیست'}`,
    );
    const existing = await findException(ctx, providerId, date);
    if (existing) {
      await ctx.writer.patch<ScheduleDoc>(
        'schedules',
        existing,
        { blocks, ...updatedFields(ctx) },
        summary,
      );
    } else {
      const id = keyedId(ctx, 'exception', providerId, date);
      const doc: ScheduleDoc = {
        ...createdFields(ctx, id),
        ...scheduleBlank(),
        kind: 'exception',
        providerId,
        date,
        blocks,
      };
      await ctx.writer.insert('schedules', doc, summary);
    }
    return { date, blocks };
  },

  async 'schedules.clearException'({ providerId, date }, ctx) {
    const provider = await findProvider(ctx, providerId);
    const existing = await findException(ctx, providerId, date);
    if (!existing) throw new AppError('not-found', 'برای این روز ساعت جداگانه‌ای ثبت نشده است.');
    await ctx.writer.remove<ScheduleDoc>(
      'schedules',
      existing,
      updatedFields(ctx),
      `بازگشت ${providerName(provider)} به ساعات هفتگی در ${jalali(date)}`,
    );
    return null;
  },

  async 'schedules.addLeave'({ providerId, from, to, reason }, ctx) {
    const provider = await findProvider(ctx, providerId);
    const doc: ScheduleDoc = {
      ...createdFields(ctx, newId()),
      ...scheduleBlank(),
      kind: 'leave',
      providerId,
      date: from,
      toDate: to,
      reason,
    };
    const what = `مرخصی ${providerName(provider)} ${span(from, to)}${reason ? ` (${reason})` : ''}`;
    await ctx.writer.insert('schedules', doc, what);
    return { id: doc.id, from, to, reason };
  },

  async 'schedules.removeLeave'({ id }, ctx) {
    const doc = await ownScheduleDoc(ctx, id, 'leave');
    const provider = await ctx.db.staff.findOne(doc.providerId).exec();
    const who = provider ? providerName(provider.toMutableJSON()) : '';
    await ctx.writer.remove<ScheduleDoc>(
      'schedules',
      doc,
      updatedFields(ctx),
      `حذف مرخصی ${who} ${span(doc.date, doc.toDate)}`,
    );
    return null;
  },

  async 'schedules.addClosure'({ from, to, reason }, ctx) {
    const doc: ScheduleDoc = {
      ...createdFields(ctx, newId()),
      ...scheduleBlank(),
      kind: 'closure',
      date: from,
      toDate: to,
      reason,
    };
    await ctx.writer.insert('schedules', doc, `تعطیلی مرکز ${span(from, to)}: ${reason}`);
    return { id: doc.id, from, to, reason };
  },

  async 'schedules.removeClosure'({ id }, ctx) {
    const doc = await ownScheduleDoc(ctx, id, 'closure');
    await ctx.writer.remove<ScheduleDoc>(
      'schedules',
      doc,
      updatedFields(ctx),
      `حذف تعطیلی مرکز ${span(doc.date, doc.toDate)}: ${doc.reason}`,
    );
    return null;
  },
};
