/**
 * Clinic dates. Stored: `YYYY-MM-DD` (Gregorian, the center's calendar day in Asia/Tehran) and
 * instants as UTC ISO strings. Jalali is for display and input only.
 */
import { format as formatJalaliFns, newDate as newJalaliDate, isValid } from 'date-fns-jalali';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A local (calendar) Date at midnight for an ISO date; for date-fns formatting only. */
export function isoDateToLocal(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** A local Date → its `YYYY-MM-DD` calendar day. */
export function localToIsoDate(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** `2024-03-20` → `1403/01/01` (Latin digits; the UI font draws them Persian). */
export function formatJalali(iso: string, pattern = 'yyyy/MM/dd'): string {
  return formatJalaliFns(isoDateToLocal(iso), pattern);
}

/** Jalali year, month (1-12), day → `YYYY-MM-DD`, or null when there is no such day. */
export function jalaliToIsoDate(year: number, month: number, day: number): string | null {
  const date = newJalaliDate(year, month - 1, day);
  if (!isValid(date)) return null;
  // newDate rolls over (e.g. 1403/12/31 in a common year); reject days that do not exist.
  if (formatJalaliFns(date, 'yyyy-M-d') !== `${year}-${month}-${day}`) return null;
  return localToIsoDate(date);
}

/**
 * Today's calendar day in the clinic's zone. Iran has kept UTC+03:30 all year since 2022, so the
 * offset is fixed; `now` is injectable for tests.
 */
export function todayInTehran(now: Date = new Date()): string {
  const shifted = new Date(now.getTime() + 210 * 60_000);
  return shifted.toISOString().slice(0, 10);
}

/** Whole years between a birth date and a day (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}
