/**
 * Clock arithmetic in the clinic's zone. Iran has kept UTC+03:30 all year since 2022 (no daylight
 * saving), so a fixed offset is exact; a booking's `date` + `start` minutes are a Tehran wall
 * time. Quiet hours are minutes of the Tehran day, `from` → `to`, wrapping past midnight when
 * `from > to` (22:00 → 08:00); equal ends mean no quiet hours.
 */
const OFFSET_MS = 210 * 60_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export interface QuietHours {
  from: number;
  to: number;
}

/** The instant a booking starts: its Tehran calendar day and minutes from midnight. */
export function visitInstant(date: string, startMin: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + startMin * MINUTE_MS - OFFSET_MS);
}

/** Minutes since midnight, Tehran time. */
export function tehranMinute(at: Date): number {
  const local = at.getTime() + OFFSET_MS;
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

export function inQuietHours(at: Date, quiet: QuietHours): boolean {
  if (quiet.from === quiet.to) return false;
  const m = tehranMinute(at);
  return quiet.from < quiet.to ? m >= quiet.from && m < quiet.to : m >= quiet.from || m < quiet.to;
}

/** Tehran midnight of the day `at` falls on, as an instant. */
function tehranMidnight(at: Date): number {
  const local = at.getTime() + OFFSET_MS;
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - OFFSET_MS;
}

/** When the quiet period that contains `at` ends (call only when `at` is in quiet hours). */
export function quietEnd(at: Date, quiet: QuietHours): Date {
  const midnight = tehranMidnight(at);
  let end = midnight + quiet.to * MINUTE_MS;
  if (end <= at.getTime()) end += DAY_MS;
  return new Date(end);
}

/** When the quiet period that contains `at` began (call only when `at` is in quiet hours). */
export function quietStart(at: Date, quiet: QuietHours): Date {
  const midnight = tehranMidnight(at);
  let start = midnight + quiet.from * MINUTE_MS;
  if (start > at.getTime()) start -= DAY_MS;
  return new Date(start);
}

/**
 * When a reminder goes: `hoursBefore` ahead of the visit; if that falls in quiet hours, at the end
 * of them; and if that end would not be before the visit, at the last minute before the quiet
 * hours began (never after the visit, never in quiet hours). Depends only on its inputs, so the
 * same booking always gets the same time.
 */
export function reminderTime(visit: Date, hoursBefore: number, quiet: QuietHours): Date {
  const at = new Date(visit.getTime() - hoursBefore * 3_600_000);
  if (!inQuietHours(at, quiet)) return at;
  const end = quietEnd(at, quiet);
  if (end.getTime() < visit.getTime()) return end;
  return new Date(quietStart(at, quiet).getTime() - MINUTE_MS);
}
