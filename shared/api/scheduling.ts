/**
 * Working time, holidays and free slots (C5, B3). Reading needs 'appointments.view' (the desk's
 * calendar shows them); changing needs 'settings.edit'.
 */
import { z } from 'zod';
import { method, returns } from './method';
import { idField } from '../schema/base';
import { isIsoDate } from '../time/dates';
import {
  dayBlocksInputSchema,
  lunarHolidayInputSchema,
  MAX_LUNAR_HOLIDAYS_PER_YEAR,
  MAX_SLOT_STEP_MIN,
  weekHoursInputSchema,
  type LunarHoliday,
  type TimeBlock,
  type WeekHours,
} from '../domain/schedules';
import type { Holiday, LunarSource } from '../scheduling/holidays';
import type { DayPlan, Slot } from '../scheduling/slots';

/** Longest range `slots.free` and `calendar.days` accept, in days. */
export const MAX_RANGE_DAYS = 62;
/** Longest leave or closure, in days. */
export const MAX_SPAN_DAYS = 366;

const day = (label: string) =>
  z.string({ error: `${label} را وارد کنید.` }).refine(isIsoDate, `${label} معتبر نیست.`);

const dayCount = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** `from`…`to` inclusive, in order, at most `max` days long. */
const dateRange = <T extends z.ZodRawShape>(shape: T, max: number) =>
  z
    .object({ from: day('تاریخ آغاز'), to: day('تاریخ پایان'), ...shape })
    .superRefine((value, ctx) => {
      // The generic shape hides `from`/`to` from the checker; they are always there.
      const { from, to } = value as unknown as { from: string; to: string };
      if (to < from) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'تاریخ پایان پیش از آغاز است.' });
      } else if (dayCount(from, to) > max) {
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: `بازه حداکثر ${max.toLocaleString('fa-IR')} روز است.`,
        });
      }
    });

const reason = (required: boolean) =>
  z
    .string()
    .trim()
    .max(200, 'علت حداکثر ۲۰۰ حرف است.')
    .default('')
    .refine((v) => !required || v !== '', 'علت را بنویسید؛ روی تقویم نشان داده می‌شود.');

export interface ProviderSchedule {
  providerId: string;
  /** The center's opening blocks per weekday (0 = Saturday), or null when not set. */
  centerHours: WeekHours | null;
  /** The provider's blocks per weekday, or null when not set (then nothing is bookable). */
  providerHours: WeekHours | null;
  /** Minutes between slot starts; 0 = each service's duration. */
  slotStepMin: number;
  exceptions: { date: string; blocks: TimeBlock[] }[];
  leaves: { id: string; from: string; to: string; reason: string }[];
}

export interface HolidayList {
  /** Official holidays and center closures, by date (a day may carry several). */
  holidays: Holiday[];
  /** Days of the range on the center's weekend. */
  weekendDays: string[];
  /** The center's weekend: 0 = Saturday … 6 = Friday. */
  weekend: number[];
  /** Jalali years in the range without any lunar holiday list (to ask the manager for one). */
  missingLunarYears: number[];
}

export interface ProviderDays {
  providerId: string;
  days: DayPlan[];
}

export const schedulingMethods = {
  'schedules.get': method({
    description:
      "A provider's weekly hours and slot step, the center's hours, and exceptions and leaves from today on (or all with includePast).",
    permission: 'appointments.view',
    args: z.object({ providerId: idField, includePast: z.boolean().default(false) }),
    result: returns<ProviderSchedule>(),
  }),
  'schedules.setProviderHours': method({
    description:
      "Replaces a provider's weekly hours (seven days from Saturday, several blocks a day) and slot step.",
    permission: 'settings.edit',
    write: true,
    args: z.object({
      providerId: idField,
      week: weekHoursInputSchema,
      /** Minutes between slot starts; null or omitted = each service's duration. */
      slotStepMin: z
        .number()
        .int('گام نوبت باید به دقیقهٔ کامل باشد.')
        .min(5, 'گام نوبت دست‌کم ۵ دقیقه است.')
        .max(
          MAX_SLOT_STEP_MIN,
          `گام نوبت حداکثر ${MAX_SLOT_STEP_MIN.toLocaleString('fa-IR')} دقیقه است.`,
        )
        .nullable()
        .default(null),
    }),
    result: returns<ProviderSchedule>(),
  }),
  'schedules.setCenterHours': method({
    description: "Replaces the center's weekly opening blocks (seven days from Saturday).",
    permission: 'settings.edit',
    write: true,
    args: z.object({ week: weekHoursInputSchema }),
    result: returns<WeekHours>(),
  }),
  'schedules.setException': method({
    description:
      "Sets a provider's hours for one date, replacing the weekly ones; no blocks = a day off.",
    permission: 'settings.edit',
    write: true,
    args: z.object({ providerId: idField, date: day('تاریخ'), blocks: dayBlocksInputSchema }),
    result: returns<{ date: string; blocks: TimeBlock[] }>(),
  }),
  'schedules.clearException': method({
    description: "Removes a provider's exception for a date (the weekly hours apply again).",
    permission: 'settings.edit',
    write: true,
    args: z.object({ providerId: idField, date: day('تاریخ') }),
    result: returns<null>(),
  }),
  'schedules.addLeave': method({
    description: "Records a provider's leave from one date to another (inclusive).",
    permission: 'settings.edit',
    write: true,
    args: dateRange({ providerId: idField, reason: reason(false) }, MAX_SPAN_DAYS),
    result: returns<{ id: string; from: string; to: string; reason: string }>(),
  }),
  'schedules.removeLeave': method({
    description: 'Removes a leave.',
    permission: 'settings.edit',
    write: true,
    args: z.object({ id: idField }),
    result: returns<null>(),
  }),
  'schedules.addClosure': method({
    description: 'Closes the center from one date to another (inclusive), with the reason shown.',
    permission: 'settings.edit',
    write: true,
    args: dateRange({ reason: reason(true) }, MAX_SPAN_DAYS),
    result: returns<{ id: string; from: string; to: string; reason: string }>(),
  }),
  'schedules.removeClosure': method({
    description: 'Removes a center closure.',
    permission: 'settings.edit',
    write: true,
    args: z.object({ id: idField }),
    result: returns<null>(),
  }),
  'holidays.list': method({
    description:
      'Everything that closes days in a range: official solar and lunar holidays, center closures, weekend days.',
    permission: 'appointments.view',
    args: dateRange({}, MAX_SPAN_DAYS),
    result: returns<HolidayList>(),
  }),
  'holidays.getLunar': method({
    description:
      "A Jalali year's lunar holidays: the center's own list, else the shipped one (source tells which).",
    permission: 'appointments.view',
    args: z.object({ jalaliYear: z.number().int().min(1300).max(1500) }),
    result: returns<{ jalaliYear: number; source: LunarSource; holidays: LunarHoliday[] }>(),
  }),
  'holidays.setLunar': method({
    description:
      "Saves the center's lunar holidays for a Jalali year; they replace the shipped list for that year.",
    permission: 'settings.edit',
    write: true,
    args: z.object({
      jalaliYear: z
        .number({ error: 'سال را وارد کنید.' })
        .int('سال معتبر نیست.')
        .min(1300, 'سال معتبر نیست.')
        .max(1500, 'سال معتبر نیست.'),
      holidays: z
        .array(lunarHolidayInputSchema)
        .max(MAX_LUNAR_HOLIDAYS_PER_YEAR, 'تعداد تعطیلات بیش از حد است.'),
    }),
    result: returns<{ jalaliYear: number; source: LunarSource; holidays: LunarHoliday[] }>(),
  }),
  'slots.free': method({
    description:
      "A provider's free slots in a date range for a service (or a duration), after notice and within the booking horizon.",
    permission: 'appointments.view',
    args: dateRange(
      {
        providerId: idField,
        serviceId: idField.optional(),
        durationMin: z.number().int().min(5, 'مدت دست‌کم ۵ دقیقه است.').max(600).optional(),
        /** Minutes from now before the earliest bookable start; default 0. */
        minNoticeMin: z
          .number()
          .int()
          .min(0)
          .max(60 * 24 * 30)
          .default(0),
        /** How many days after today booking is open; default 90. */
        maxAheadDays: z.number().int().min(0).max(730).default(90),
      },
      MAX_RANGE_DAYS,
    ).refine((a) => (a.serviceId === undefined) !== (a.durationMin === undefined), {
      message: 'خدمت یا مدت نوبت را (فقط یکی) مشخص کنید.',
      path: ['serviceId'],
    }),
    result: returns<{ durationMin: number; stepMin: number; slots: Slot[] }>(),
  }),
  'calendar.days': method({
    description:
      "Each provider's days in a range: bookable working blocks, or why the day is closed (desk day/week views).",
    permission: 'appointments.view',
    args: dateRange(
      { providerIds: z.array(idField).min(1, 'ارائه‌دهنده را انتخاب کنید.').max(50) },
      MAX_RANGE_DAYS,
    ),
    result: returns<{ providers: ProviderDays[]; holidays: Holiday[] }>(),
  }),
};
