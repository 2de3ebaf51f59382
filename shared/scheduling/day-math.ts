/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings, done in UTC so that the machine's own time zone
 * (a desk in Tehran, a server in Frankfurt, a test runner anywhere) never shifts a day.
 *
 * Hazard: instants are derived with Tehran's fixed UTC+03:30. Iran dropped daylight saving in 2022,
 * so this is exact for every date the slot engine deals with (today onwards); it is wrong by an hour
 * for summer dates before 2022, which nothing here needs.
 */
import { formatJalali, jalaliToIsoDate } from '../time/dates';

/** Asia/Tehran's offset from UTC in minutes, all year since 2022. */
export const TEHRAN_OFFSET_MIN = 210;

const DAY_MS = 86_400_000;

function utcMs(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function isoOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOf(utcMs(iso) + days * DAY_MS);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcMs(b) - utcMs(a)) / DAY_MS);
}

/** Every date from `from` to `to`, both included; [] when `to` is before `from`. */
export function eachDate(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = utcMs(from), end = utcMs(to); ms <= end; ms += DAY_MS) out.push(isoOf(ms));
  return out;
}

/** The weekday as the center stores it: 0 = Saturday … 6 = Friday. */
export function weekdayOf(iso: string): number {
  return (new Date(utcMs(iso)).getUTCDay() + 1) % 7;
}

/** The instant (ms since epoch) of `minute` minutes after midnight of `date` in Tehran. */
export function tehranInstant(date: string, minute: number): number {
  return utcMs(date) + (minute - TEHRAN_OFFSET_MIN) * 60_000;
}

/** The Jalali year a date falls in. */
export function jalaliYearOf(iso: string): number {
  return Number(formatJalali(iso, 'yyyy'));
}

/** First and last Gregorian dates of a Jalali year. */
export function jalaliYearRange(year: number): { from: string; to: string } {
  const from = jalaliToIsoDate(year, 1, 1);
  const next = jalaliToIsoDate(year + 1, 1, 1);
  if (!from || !next) throw new RangeError(`No Jalali year ${year}`);
  return { from, to: addDays(next, -1) };
}
