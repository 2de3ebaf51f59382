/**
 * Iran's official holidays and the center's own closed days.
 *
 * Solar holidays are computed from the Jalali calendar for any year. The list is the one the
 * official calendar (Calendar Center of the University of Tehran's Institute of Geophysics, holidays
 * approved by the Council for Public Culture) marks every year: 1–4 Farvardin (Nowruz), 12
 * Farvardin (Islamic Republic Day), 13 Farvardin (Nature Day), 14 Khordad (Imam Khomeini's demise),
 * 15 Khordad (the 1342 uprising), 22 Bahman (the Revolution) and 29 Esfand (oil nationalisation).
 *
 * Lunar holidays follow moon sighting, so they come from a list per Jalali year: the shipped one
 * (lunar-holidays-data.ts) unless the center saved its own for that year ('lunar-holidays'
 * documents, edited with `holidays.setLunar`), which then replaces it for that year.
 */
import type { LunarHoliday } from '../domain/schedules';
import { jalaliToIsoDate } from '../time/dates';
import { addDays, eachDate, jalaliYearOf, weekdayOf } from './day-math';
import { SHIPPED_LUNAR_HOLIDAYS } from './lunar-holidays-data';

export type HolidayKind = 'solar' | 'lunar' | 'closure';

export interface Holiday {
  date: string;
  title: string;
  kind: HolidayKind;
  /** The closure document, for a center closure (so the UI can remove it). */
  closureId?: string;
}

/** The center's own closed days (a 'closure' document). */
export interface Closure {
  id: string;
  from: string;
  to: string;
  reason: string;
}

export type LunarSource = 'center' | 'shipped' | 'none';

const SOLAR: readonly [month: number, day: number, title: string][] = [
  [1, 1, 'آغاز نوروز'],
  [1, 2, 'عید نوروز'],
  [1, 3, 'عید نوروز'],
  [1, 4, 'عید نوروز'],
  [1, 12, 'روز جمهوری اسلامی ایران'],
  [1, 13, 'روز طبیعت'],
  [3, 14, 'رحلت حضرت امام خمینی (ره)'],
  [3, 15, 'قیام ۱۵ خرداد'],
  [11, 22, 'پیروزی انقلاب اسلامی'],
  [12, 29, 'روز ملی شدن صنعت نفت ایران'],
];

/** The solar official holidays of a Jalali year, in date order. */
export function solarHolidays(jalaliYear: number): Holiday[] {
  return SOLAR.map(([month, day, title]) => {
    const date = jalaliToIsoDate(jalaliYear, month, day);
    // Every one of these days exists in every year (Esfand always has a 29th).
    if (!date) throw new RangeError(`No ${jalaliYear}/${month}/${day}`);
    return { date, title, kind: 'solar' as const };
  });
}

/** The center's lists by Jalali year (from its 'lunar-holidays' documents). */
export type LunarOverrides = ReadonlyMap<number, readonly LunarHoliday[]>;

/** A year's lunar holidays: the center's own list when it has one, else the shipped one. */
export function lunarHolidays(
  jalaliYear: number,
  overrides: LunarOverrides = new Map(),
): { source: LunarSource; holidays: LunarHoliday[] } {
  const own = overrides.get(jalaliYear);
  if (own) return { source: 'center', holidays: own.map((h) => ({ ...h })) };
  const shipped = SHIPPED_LUNAR_HOLIDAYS[jalaliYear];
  if (shipped) {
    return { source: 'shipped', holidays: shipped.map(({ date, title }) => ({ date, title })) };
  }
  return { source: 'none', holidays: [] };
}

export interface HolidaySources {
  lunarOverrides?: LunarOverrides;
  closures?: readonly Closure[];
}

export interface ClosedDays {
  /** Every holiday and closure day in the range, by date then kind (one entry per reason). */
  holidays: Holiday[];
  /** Dates in the range that fall on the center's weekend. */
  weekendDays: string[];
  /** Jalali years in the range with no lunar list at all (neither shipped nor the center's). */
  missingLunarYears: number[];
}

const KIND_ORDER: Record<HolidayKind, number> = { solar: 0, lunar: 1, closure: 2 };

/**
 * Everything that closes days from `from` to `to` (inclusive): official solar and lunar holidays,
 * the center's closures (one entry per day) and the weekend days (0 = Saturday … 6 = Friday).
 */
export function closedDaysInRange(
  from: string,
  to: string,
  sources: HolidaySources & { weekend?: readonly number[] } = {},
): ClosedDays {
  if (to < from) return { holidays: [], weekendDays: [], missingLunarYears: [] };
  const holidays: Holiday[] = [];
  const missingLunarYears: number[] = [];
  const inRange = (date: string) => date >= from && date <= to;
  for (let year = jalaliYearOf(from); year <= jalaliYearOf(to); year++) {
    holidays.push(...solarHolidays(year).filter((h) => inRange(h.date)));
    const lunar = lunarHolidays(year, sources.lunarOverrides);
    if (lunar.source === 'none') missingLunarYears.push(year);
    for (const h of lunar.holidays) {
      if (inRange(h.date)) holidays.push({ date: h.date, title: h.title, kind: 'lunar' });
    }
  }
  for (const c of sources.closures ?? []) {
    const first = c.from > from ? c.from : from;
    const last = c.to < to ? c.to : to;
    for (const date of eachDate(first, last)) {
      holidays.push({ date, title: c.reason, kind: 'closure', closureId: c.id });
    }
  }
  holidays.sort((a, b) =>
    a.date === b.date ? KIND_ORDER[a.kind] - KIND_ORDER[b.kind] : a.date < b.date ? -1 : 1,
  );
  const weekend = new Set(sources.weekend ?? []);
  const weekendDays = weekend.size
    ? eachDate(from, to).filter((d) => weekend.has(weekdayOf(d)))
    : [];
  return { holidays, weekendDays, missingLunarYears };
}

/** Holidays grouped by date, for day-by-day lookups. */
export function holidaysByDate(holidays: readonly Holiday[]): Map<string, Holiday[]> {
  const map = new Map<string, Holiday[]>();
  for (const h of holidays) map.set(h.date, [...(map.get(h.date) ?? []), h]);
  return map;
}

/** Checks a center's lunar list for a year: every date inside that year, no date twice. */
export function lunarListProblems(
  jalaliYear: number,
  holidays: readonly LunarHoliday[],
): { index: number; message: string }[] {
  const first = jalaliToIsoDate(jalaliYear, 1, 1);
  const next = jalaliToIsoDate(jalaliYear + 1, 1, 1);
  const problems: { index: number; message: string }[] = [];
  const seen = new Set<string>();
  holidays.forEach((h, index) => {
    if (!first || !next || h.date < first || h.date > addDays(next, -1)) {
      problems.push({ index, message: `این تاریخ در سال ${jalaliYear} نیست.` });
    } else if (seen.has(h.date)) {
      problems.push({ index, message: 'این تاریخ دو بار آمده است؛ عنوان‌ها را یکی کنید.' });
    }
    seen.add(h.date);
  });
  return problems;
}
