/**
 * The slot engine: which times of a provider can still be booked. Pure (no clock, no database) so
 * the desk, the sync server and the portal compute the same slots from the same facts.
 *
 * A day's working time is the provider's blocks for that date (an exception replaces the weekly
 * ones) cut down to the center's opening blocks. Nothing is open on the center's weekend, an official
 * holiday, a center closure or a day of the provider's leave. A slot is `durationMin` long, starts
 * on the block's start plus a whole number of steps, lies inside one block (so never crosses
 * midnight) and overlaps no booking that holds time (`holdsSlot`; overbooked ones too: the time is
 * taken, the overbook right only lets a person book on top of it).
 */
import { holdsSlot, rangesOverlap, type Appointment } from '../domain/appointments';
import type { TimeBlock, WeekHours } from '../domain/schedules';
import { todayInTehran } from '../time/dates';
import { addDays, eachDate, tehranInstant, weekdayOf } from './day-math';
import type { Holiday } from './holidays';

export interface ScheduleFacts {
  /** The center's opening blocks per weekday; null when it has not set any (then open all day). */
  centerHours: WeekHours | null;
  /** The provider's blocks per weekday; null when not set (then never bookable). */
  providerHours: WeekHours | null;
  /** The provider's step between slot starts; 0 = the service's duration. */
  slotStepMin: number;
  exceptions: readonly { date: string; blocks: readonly TimeBlock[] }[];
  leaves: readonly { from: string; to: string; reason: string }[];
  /** Official holidays and center closures (see `closedDaysInRange`). */
  holidays: readonly Holiday[];
  /** The center's weekend: 0 = Saturday … 6 = Friday. */
  weekend: readonly number[];
}

export type ClosedKind = 'closure' | 'holiday' | 'weekend' | 'leave' | 'day-off' | 'no-hours';

export interface DayPlan {
  date: string;
  /** 0 = Saturday … 6 = Friday. */
  weekday: number;
  /** Bookable working blocks, sorted; [] when the day is closed. */
  blocks: TimeBlock[];
  /** Why nothing can be booked that day (Persian reason for people), or null when open. */
  closed: { kind: ClosedKind; reason: string } | null;
  /** True when a one-day exception replaced the provider's weekly hours. */
  exception: boolean;
}

export interface Slot {
  date: string;
  start: number;
  end: number;
}

/** Intersection of two sorted, non-overlapping block lists. */
export function intersectBlocks(a: readonly TimeBlock[], b: readonly TimeBlock[]): TimeBlock[] {
  const out: TimeBlock[] = [];
  for (const x of a) {
    for (const y of b) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (start < end) out.push({ start, end });
    }
  }
  return out.sort((p, q) => p.start - q.start);
}

const WHOLE_DAY: readonly TimeBlock[] = [{ start: 0, end: 24 * 60 }];

/** What a provider's day looks like: working blocks, or why it is closed. */
export function planDay(date: string, facts: ScheduleFacts): DayPlan {
  const weekday = weekdayOf(date);
  const exception = facts.exceptions.find((e) => e.date === date);
  const closed = (kind: ClosedKind, reason: string): DayPlan => ({
    date,
    weekday,
    blocks: [],
    closed: { kind, reason },
    exception: exception !== undefined,
  });
  // The center's own reasons first: they close the day for every provider.
  const ofDay = facts.holidays.filter((h) => h.date === date);
  const closure = ofDay.filter((h) => h.kind === 'closure');
  if (closure.length) return closed('closure', closure.map((h) => h.title).join('؛ '));
  const official = ofDay.filter((h) => h.kind !== 'closure');
  if (official.length) return closed('holiday', official.map((h) => h.title).join('؛ '));
  if (facts.weekend.includes(weekday)) return closed('weekend', 'تعطیل آخر هفته');
  const leave = facts.leaves.find((l) => l.from <= date && date <= l.to);
  if (leave) return closed('leave', leave.reason ? `مرخصی: ${leave.reason}` : 'مرخصی');
  if (exception && exception.blocks.length === 0) return closed('day-off', 'روز کاری نیست');
  const own = exception ? exception.blocks : (facts.providerHours?.[weekday] ?? []);
  if (own.length === 0) return closed('no-hours', 'ساعت کاری تعریف نشده است');
  const blocks = intersectBlocks(
    own,
    facts.centerHours ? (facts.centerHours[weekday] ?? []) : WHOLE_DAY,
  );
  if (blocks.length === 0) return closed('no-hours', 'خارج از ساعات کار مرکز');
  return { date, weekday, blocks, closed: null, exception: exception !== undefined };
}

export interface SlotRequest {
  /** First and last calendar day to search (inclusive). */
  from: string;
  to: string;
  durationMin: number;
  /** Minutes between slot starts; default the provider's step, else the duration. */
  stepMin?: number;
  /** The current instant. */
  now: Date;
  /** Minutes between now and the earliest bookable start. */
  minNoticeMin?: number;
  /** Booking is open up to this many days after today (Tehran). */
  maxAheadDays?: number;
  /** The provider's bookings in the range; only those that hold a slot count. */
  bookings: readonly Pick<Appointment, 'date' | 'start' | 'end' | 'status'>[];
}

export const DEFAULT_MIN_NOTICE_MIN = 0;
export const DEFAULT_MAX_AHEAD_DAYS = 90;

/** Free slots of one provider, in date and time order. */
export function freeSlots(facts: ScheduleFacts, request: SlotRequest): Slot[] {
  const duration = request.durationMin;
  const step = request.stepMin ?? (facts.slotStepMin > 0 ? facts.slotStepMin : duration);
  if (!(duration > 0) || !(step > 0)) return [];
  const earliest =
    request.now.getTime() + (request.minNoticeMin ?? DEFAULT_MIN_NOTICE_MIN) * 60_000;
  const today = todayInTehran(request.now);
  const lastDay = addDays(today, request.maxAheadDays ?? DEFAULT_MAX_AHEAD_DAYS);
  const first = request.from > today ? request.from : today;
  const last = request.to < lastDay ? request.to : lastDay;

  const taken = new Map<string, { start: number; end: number }[]>();
  for (const b of request.bookings) {
    if (holdsSlot(b)) taken.set(b.date, [...(taken.get(b.date) ?? []), b]);
  }

  const slots: Slot[] = [];
  for (const date of eachDate(first, last)) {
    const plan = planDay(date, facts);
    const busy = taken.get(date) ?? [];
    for (const block of plan.blocks) {
      for (let start = block.start; start + duration <= block.end; start += step) {
        const slot = { date, start, end: start + duration };
        if (tehranInstant(date, start) < earliest) continue;
        if (busy.some((b) => rangesOverlap(slot, b))) continue;
        slots.push(slot);
      }
    }
  }
  return slots;
}
