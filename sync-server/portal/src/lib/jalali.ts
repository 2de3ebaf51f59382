/**
 * The logic of the portal's own Jalali day / month / year picker. Stored dates are Gregorian
 * `YYYY-MM-DD`; Jalali is for display and input only (shared/time/dates.ts does the conversions).
 */
import { formatJalali, jalaliToIsoDate } from '../../../../shared/time/dates';

export const JALALI_MONTHS = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
] as const;

/** What the picker holds; 0 = not chosen yet (a partly chosen date is not a date). */
export interface JalaliParts {
  year: number;
  month: number;
  day: number;
}

export const NO_PARTS: JalaliParts = { year: 0, month: 0, day: 0 };

/** `2024-03-20` → `{ year: 1403, month: 1, day: 1 }`; empty or invalid → nothing chosen. */
export function jalaliPartsOf(iso: string): JalaliParts {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return NO_PARTS;
  const [year, month, day] = formatJalali(iso, 'yyyy-M-d').split('-').map(Number) as [
    number,
    number,
    number,
  ];
  return { year, month, day };
}

/** True when Esfand of `year` has 30 days. */
export function isJalaliLeapYear(year: number): boolean {
  return jalaliToIsoDate(year, 12, 30) !== null;
}

/** 31 days in the first six months, 30 in the next five, 29 or 30 in Esfand. */
export function daysInJalaliMonth(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  // Before the year is chosen, allow the 30th; choosing a common year then clamps it.
  return year === 0 || isJalaliLeapYear(year) ? 30 : 29;
}

/**
 * One select changed: the new parts, with the day pulled back into the month (choosing Mehr after
 * the 31st, or a common year after Esfand 30th, shows the month's last day instead of no date).
 */
export function changeParts(parts: JalaliParts, change: Partial<JalaliParts>): JalaliParts {
  const next = { ...parts, ...change };
  if (next.day > 0 && next.month > 0) {
    next.day = Math.min(next.day, daysInJalaliMonth(next.year, next.month));
  }
  return next;
}

/** The chosen date as `YYYY-MM-DD`, or '' while any part is missing. */
export function partsToIso(parts: JalaliParts): string {
  if (!parts.year || !parts.month || !parts.day) return '';
  return jalaliToIsoDate(parts.year, parts.month, parts.day) ?? '';
}

/** Years a birth date may be in, newest first: this Jalali year back `span` years. */
export function birthYears(todayIso: string, span = 110): number[] {
  const current = jalaliPartsOf(todayIso).year;
  return Array.from({ length: span + 1 }, (_, i) => current - i);
}
