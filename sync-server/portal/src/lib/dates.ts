/** The booking calendar: weekday names, the 30 days a patient may pick from, upcoming or past. */
import { formatJalali } from '../../../../shared/time/dates';
import { addDays, eachDate, weekdayOf } from '../../../../shared/scheduling/day-math';
import { WEEKDAY_LABELS } from '../../../../shared/domain/schedules';
import { tehranDayAndMinute } from './time';

/** How far ahead a patient may book from the portal (P4). */
export const BOOKING_DAYS = 30;

/** `2026-11-25` → «چهارشنبه 4 آذر 1405» (the font draws the digits Persian). */
export function jalaliLong(iso: string): string {
  return `${WEEKDAY_LABELS[weekdayOf(iso)]} ${formatJalali(iso, 'd MMMM yyyy')}`;
}

/** The days a patient can pick from: today and the next 29 (Tehran). */
export function bookingDays(today: string, count = BOOKING_DAYS): string[] {
  return eachDate(today, addDays(today, count - 1));
}

/** What a day button shows: «شنبه», «7», «آذر». */
export function dayLabel(iso: string): { weekday: string; day: string; month: string } {
  const [day = '', month = ''] = formatJalali(iso, 'd MMMM').split(' ');
  return { weekday: WEEKDAY_LABELS[weekdayOf(iso)] ?? '', day, month };
}

/** True while a booking's time has not ended yet (Tehran time). */
export function isUpcoming(booking: { date: string; end: number }, now: number): boolean {
  const { date, minute } = tehranDayAndMinute(now);
  return booking.date > date || (booking.date === date && booking.end > minute);
}

/**
 * The user area's two lists: bookings still ahead (soonest first) and the rest, past or cancelled
 * (latest first). A cancelled booking is no longer ahead of anyone, whatever its date.
 */
export function splitBookings<
  B extends { date: string; start: number; end: number; status: string },
>(bookings: readonly B[], now: number): { upcoming: B[]; past: B[] } {
  const key = (b: B) => `${b.date}|${String(b.start).padStart(4, '0')}`;
  const ahead = (b: B) => b.status !== 'cancelled' && isUpcoming(b, now);
  return {
    upcoming: bookings.filter(ahead).sort((a, b) => (key(a) < key(b) ? -1 : 1)),
    past: bookings.filter((b) => !ahead(b)).sort((a, b) => (key(a) < key(b) ? 1 : -1)),
  };
}
