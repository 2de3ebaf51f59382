/**
 * Working time (C5): the center's opening hours, each provider's weekly hours, one-day exceptions,
 * leaves, the center's own closed days and the per-year list of lunar holidays, in one collection
 * told apart by `kind` (the collection cap is 12, so they share one flat shape; fields a kind does
 * not use stay empty/zero).
 *
 * Times are minutes from midnight of the clinic's calendar day (Asia/Tehran); a block never crosses
 * midnight. Dates are `YYYY-MM-DD` (Gregorian); Jalali is for display and input only.
 *
 * Keyed kinds (center hours, a provider's hours, a provider's exception for a date, a year's lunar
 * list) get ids derived from their key on every device, so two desks that set the same thing while
 * offline edit one document (a sync conflict merged field by field), never two rival documents.
 */
import { z } from 'zod';
import { baseDocShape, toRxJsonSchema } from '../schema/base';
import { MINUTES_PER_DAY } from './appointments';
import { isIsoDate } from '../time/dates';

export const SCHEDULE_KINDS = [
  /** The center's weekly opening blocks (one document per center). */
  'center-hours',
  /** A provider's weekly blocks and slot step (one document per provider). */
  'provider-hours',
  /** A provider's blocks for one date, replacing the weekly ones; no blocks = day off. */
  'exception',
  /** A provider's leave, `date` to `toDate` inclusive. */
  'leave',
  /** The center's own closed days, `date` to `toDate` inclusive, with the reason shown. */
  'closure',
  /** The center's list of lunar holidays for one Jalali year (replaces the shipped list). */
  'lunar-holidays',
] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/** Days of the week as the center stores them: 0 = Saturday … 6 = Friday. */
export const WEEKDAY_LABELS = [
  'شنبه',
  'یکشنبه',
  'دوشنبه',
  'سه‌شنبه',
  'چهارشنبه',
  'پنجشنبه',
  'جمعه',
] as const;

export const MAX_BLOCKS_PER_DAY = 6;
export const MAX_SLOT_STEP_MIN = 240;
export const MAX_LUNAR_HOLIDAYS_PER_YEAR = 40;

export interface TimeBlock {
  start: number;
  end: number;
}

/** Seven lists of blocks, index = weekday (0 = Saturday). */
export type WeekHours = TimeBlock[][];

/** One block of a day: [start, end) in minutes from midnight, end after start, inside the day. */
export const timeBlockSchema = z.object({
  start: z
    .number({ error: 'ساعت شروع را وارد کنید.' })
    .int('ساعت شروع باید به دقیقهٔ کامل باشد.')
    .min(0, 'ساعت شروع معتبر نیست.')
    .max(MINUTES_PER_DAY - 1, 'ساعت شروع معتبر نیست.'),
  end: z
    .number({ error: 'ساعت پایان را وارد کنید.' })
    .int('ساعت پایان باید به دقیقهٔ کامل باشد.')
    .min(1, 'ساعت پایان معتبر نیست.')
    .max(MINUTES_PER_DAY, 'ساعت پایان نمی‌تواند بعد از نیمه‌شب باشد.'),
});

/**
 * Problems of one day's blocks, each at the path of the block it concerns (in the order given):
 * an end not after its start, or a block overlapping an earlier one (touching ends are fine).
 */
export function dayBlockProblems(
  blocks: readonly TimeBlock[],
): { index: number; field: 'start' | 'end'; message: string }[] {
  const problems: { index: number; field: 'start' | 'end'; message: string }[] = [];
  blocks.forEach((b, i) => {
    if (b.end <= b.start) {
      problems.push({ index: i, field: 'end', message: 'پایان بازه باید بعد از شروع آن باشد.' });
      return;
    }
    const clash = blocks.findIndex(
      (o, j) => j < i && o.end > o.start && b.start < o.end && o.start < b.end,
    );
    if (clash >= 0) {
      problems.push({
        index: i,
        field: 'start',
        message: `این بازه با بازهٔ ${(clash + 1).toLocaleString('fa-IR')} همان روز هم‌پوشانی دارد.`,
      });
    }
  });
  return problems;
}

/** A day's blocks as people enter them: any order, checked, then stored sorted. */
export const dayBlocksInputSchema = z
  .array(timeBlockSchema)
  .max(MAX_BLOCKS_PER_DAY, `هر روز حداکثر ${MAX_BLOCKS_PER_DAY.toLocaleString('fa-IR')} بازه.`)
  .superRefine((blocks, ctx) => {
    for (const p of dayBlockProblems(blocks)) {
      ctx.addIssue({ code: 'custom', message: p.message, path: [p.index, p.field] });
    }
  })
  .transform((blocks) => [...blocks].sort((a, b) => a.start - b.start));

/** A week as people enter it: exactly seven days, Saturday first. */
export const weekHoursInputSchema = z
  .array(dayBlocksInputSchema)
  .length(7, 'ساعات هر هفت روز هفته (از شنبه) را بفرستید؛ روز تعطیل بدون بازه است.');

/** Stored blocks: already sorted and not overlapping (the server refuses anything else). */
const storedDayBlocks = z
  .array(timeBlockSchema)
  .max(MAX_BLOCKS_PER_DAY)
  .refine(
    (blocks) =>
      blocks.every((b, i) => b.end > b.start && (i === 0 || blocks[i - 1]!.end <= b.start)),
    'بازه‌های یک روز باید مرتب و بدون هم‌پوشانی باشند.',
  );

const isoDateOrEmpty = z
  .string()
  .max(10)
  .refine((v) => v === '' || isIsoDate(v), 'تاریخ معتبر نیست.');

/** One lunar holiday as people enter it (the stored form is the same, already trimmed). */
export const lunarHolidayInputSchema = z.object({
  date: z.string().max(10).refine(isIsoDate, 'تاریخ تعطیل معتبر نیست.'),
  title: z
    .string({ error: 'عنوان تعطیل را وارد کنید.' })
    .trim()
    .min(1, 'عنوان تعطیل را وارد کنید.')
    .max(120, 'عنوان حداکثر ۱۲۰ حرف است.'),
});
export type LunarHoliday = z.output<typeof lunarHolidayInputSchema>;

const storedLunarHoliday = z.object({
  date: z.string().max(10).refine(isIsoDate, 'تاریخ تعطیل معتبر نیست.'),
  title: z.string().min(1).max(120),
});

export const scheduleDocSchema = z
  .object({
    ...baseDocShape,
    kind: z.enum(SCHEDULE_KINDS),
    /** The provider (a staff id) for provider kinds; '' for the center's. */
    providerId: z.string().max(40),
    /** exception: its date; leave and closure: the first day; '' otherwise. */
    date: isoDateOrEmpty,
    /** leave and closure: the last day (inclusive); '' otherwise. */
    toDate: isoDateOrEmpty,
    /** center-hours and provider-hours: seven days of blocks, Saturday first; [] otherwise. */
    week: z.array(storedDayBlocks).max(7),
    /** exception: that day's blocks (none = day off); [] otherwise. */
    blocks: storedDayBlocks,
    /** provider-hours: minutes between slot starts; 0 = the service's duration. */
    slotStepMin: z.number().int().min(0).max(MAX_SLOT_STEP_MIN),
    /** leave and closure: why (a closure's reason is the title shown on the calendar). */
    reason: z.string().max(200),
    /** lunar-holidays: the Jalali year the list is for; 0 otherwise. */
    jalaliYear: z.number().int().min(0).max(9999),
    /** lunar-holidays: the year's holidays, sorted by date. */
    holidays: z.array(storedLunarHoliday).max(MAX_LUNAR_HOLIDAYS_PER_YEAR),
  })
  .superRefine((doc, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    const providerKind = ['provider-hours', 'exception', 'leave'].includes(doc.kind);
    if (providerKind && doc.providerId === '') problem('providerId', 'ارائه‌دهنده لازم است.');
    if (!providerKind && doc.providerId !== '')
      problem('providerId', 'این نوع، ارائه‌دهنده ندارد.');
    if ((doc.kind === 'center-hours' || doc.kind === 'provider-hours') && doc.week.length !== 7) {
      problem('week', 'ساعات هفت روز هفته لازم است.');
    }
    if (doc.kind === 'exception' && doc.date === '') problem('date', 'تاریخ لازم است.');
    if (doc.kind === 'leave' || doc.kind === 'closure') {
      if (doc.date === '' || doc.toDate === '' || doc.toDate < doc.date) {
        problem('toDate', 'بازهٔ تاریخ معتبر نیست.');
      }
    }
    if (doc.kind === 'lunar-holidays') {
      if (doc.jalaliYear < 1300) problem('jalaliYear', 'سال معتبر نیست.');
      if (doc.holidays.some((h, i) => i > 0 && doc.holidays[i - 1]!.date > h.date)) {
        problem('holidays', 'تعطیلات باید به ترتیب تاریخ باشند.');
      }
    }
  });

export type ScheduleDoc = z.infer<typeof scheduleDocSchema>;

export const scheduleRxSchema = toRxJsonSchema(scheduleDocSchema as unknown as z.ZodObject, {
  title: 'schedules',
  description: 'Opening and working hours, exceptions, leaves, closures and lunar holiday lists',
  version: 0,
  indexes: [['kind', 'providerId', 'date'], ['updatedAt']],
});

/**
 * The empty values of every field, so each kind sets only its own. A function, not a constant: the
 * arrays go into stored documents (which RxDB's dev mode freezes), so each document gets its own.
 */
export function scheduleBlank() {
  return {
    providerId: '',
    date: '',
    toDate: '',
    week: [] as WeekHours,
    blocks: [] as TimeBlock[],
    slotStepMin: 0,
    reason: '',
    jalaliYear: 0,
    holidays: [] as LunarHoliday[],
  } satisfies Partial<ScheduleDoc>;
}

/** `510` → `08:30` (Latin digits; the UI font draws them Persian). */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
