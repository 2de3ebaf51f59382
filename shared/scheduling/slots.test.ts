/**
 * The slot engine: properties over random schedules (fast-check), checked against facts computed
 * here independently of the engine, and worked examples around Nowruz, leaves and exceptions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from '../domain/appointments';
import type { TimeBlock, WeekHours } from '../domain/schedules';
import { closedDaysInRange, type Holiday } from './holidays';
import { freeSlots, planDay, type ScheduleFacts, type Slot, type SlotRequest } from './slots';

const WINDOW = Array.from({ length: 12 }, (_, i) =>
  new Date(Date.UTC(2026, 3, 1 + i)).toISOString().slice(0, 10),
); // 2026-04-01 … 2026-04-12, no official holiday inside

/** Independent of day-math: 0 = Saturday … 6 = Friday. */
const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 1) % 7;
/** Independent of day-math: Tehran is UTC+03:30 all year. */
const instant = (date: string, minute: number) =>
  Date.parse(`${date}T00:00:00+03:30`) + minute * 60_000;
const inside = (slot: Slot, blocks: readonly TimeBlock[]) =>
  blocks.some((b) => b.start <= slot.start && slot.end <= b.end);
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** A day's blocks: sorted, non-overlapping, on a 15-minute grid. */
const dayBlocks = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 }).map((cuts) => {
  const sorted = [...cuts].sort((a, b) => a - b).map((c) => c * 15);
  const blocks: TimeBlock[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) {
    blocks.push({ start: sorted[i]!, end: sorted[i + 1]! });
  }
  return blocks;
});
const week: fc.Arbitrary<WeekHours> = fc.array(dayBlocks, { minLength: 7, maxLength: 7 });
const date = fc.constantFrom(...WINDOW);
const range = fc
  .tuple(date, date)
  .map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));
const status = fc.constantFrom<AppointmentStatus>(...APPOINTMENT_STATUSES);

const facts: fc.Arbitrary<ScheduleFacts> = fc.record({
  centerHours: fc.option(week, { nil: null }),
  providerHours: fc.option(week, { nil: null, freq: 6 }),
  slotStepMin: fc.constantFrom(0, 10, 15, 20, 30),
  exceptions: fc.uniqueArray(fc.record({ date, blocks: dayBlocks }), {
    maxLength: 4,
    selector: (e) => e.date,
  }),
  leaves: fc.array(
    range.map((r) => ({ ...r, reason: 'سفر' })),
    { maxLength: 2 },
  ),
  holidays: fc.array(
    fc.record({
      date,
      title: fc.constant('تعطیل'),
      kind: fc.constantFrom<Holiday['kind']>('solar', 'lunar', 'closure'),
    }),
    { maxLength: 3 },
  ),
  weekend: fc.subarray([0, 1, 2, 3, 4, 5, 6], { maxLength: 2 }),
});

const request: fc.Arbitrary<SlotRequest> = fc.record(
  {
    from: fc.constant(WINDOW[0]!),
    to: fc.constant(WINDOW.at(-1)!),
    durationMin: fc.constantFrom(10, 15, 20, 30, 45, 60, 90),
    stepMin: fc.constantFrom(5, 15, 30),
    now: fc
      .integer({ min: Date.parse('2026-03-30T00:00:00Z'), max: Date.parse('2026-04-10T00:00:00Z') })
      .map((ms) => new Date(ms)),
    minNoticeMin: fc.integer({ min: 0, max: 48 * 60 }),
    maxAheadDays: fc.integer({ min: 0, max: 14 }),
    bookings: fc.array(
      fc
        .record({
          date,
          start: fc.integer({ min: 0, max: 95 }),
          len: fc.integer({ min: 1, max: 8 }),
          status,
        })
        .map(({ len, ...b }) => ({
          ...b,
          start: b.start * 15,
          end: Math.min(1440, (b.start + len) * 15),
        })),
      { maxLength: 12 },
    ),
  },
  { requiredKeys: ['from', 'to', 'durationMin', 'now', 'bookings'] },
);

describe('free slots (properties)', () => {
  it('never offer a slot that breaks a rule of the day', () => {
    fc.assert(
      fc.property(facts, request, (f, r) => {
        const slots = freeSlots(f, r);
        const notice = (r.minNoticeMin ?? 0) * 60_000;
        const today = new Date(r.now.getTime() + 210 * 60_000).toISOString().slice(0, 10);
        const lastDay = new Date(
          Date.parse(`${today}T00:00:00Z`) + (r.maxAheadDays ?? 90) * 86_400_000,
        )
          .toISOString()
          .slice(0, 10);
        for (const s of slots) {
          expect(s.end - s.start).toBe(r.durationMin);
          expect(s.start >= 0 && s.end <= 1440).toBe(true);
          const busy = r.bookings.filter(
            (b) => b.date === s.date && !['cancelled', 'conflict'].includes(b.status),
          );
          expect(busy.some((b) => overlaps(s, b))).toBe(false);
          expect(f.leaves.some((l) => l.from <= s.date && s.date <= l.to)).toBe(false);
          expect(f.holidays.some((h) => h.date === s.date)).toBe(false);
          expect(f.weekend).not.toContain(weekday(s.date));
          const exception = f.exceptions.find((e) => e.date === s.date);
          const own = exception ? exception.blocks : (f.providerHours?.[weekday(s.date)] ?? []);
          expect(inside(s, own)).toBe(true);
          if (f.centerHours) expect(inside(s, f.centerHours[weekday(s.date)]!)).toBe(true);
          expect(instant(s.date, s.start)).toBeGreaterThanOrEqual(r.now.getTime() + notice);
          expect(s.date <= lastDay && s.date >= r.from && s.date <= r.to).toBe(true);
        }
        for (let i = 1; i < slots.length; i++) {
          const [a, b] = [slots[i - 1]!, slots[i]!];
          expect(a.date < b.date || (a.date === b.date && a.start < b.start)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a new booking takes away exactly the slots it overlaps', () => {
    const booking = fc
      .record({ date, start: fc.integer({ min: 0, max: 90 }), len: fc.integer({ min: 1, max: 6 }) })
      .map((b) => ({
        date: b.date,
        start: b.start * 15,
        end: (b.start + b.len) * 15,
        status: 'booked' as const,
      }));
    fc.assert(
      fc.property(facts, request, booking, (f, r, b) => {
        const before = freeSlots(f, r);
        const after = freeSlots(f, { ...r, bookings: [...r.bookings, b] });
        expect(after).toEqual(before.filter((s) => !(s.date === b.date && overlaps(s, b))));
      }),
      { numRuns: 200 },
    );
  });

  it('fills an open day completely: one slot per step that fits in each block', () => {
    fc.assert(
      fc.property(week, fc.constantFrom(10, 15, 30, 45), (hours, duration) => {
        const f: ScheduleFacts = {
          ...NO_LIMITS,
          providerHours: hours,
        };
        const slots = freeSlots(f, { ...OPEN_REQUEST, durationMin: duration });
        for (const d of WINDOW) {
          const expected = hours[weekday(d)]!.reduce(
            (n, b) => n + Math.floor((b.end - b.start) / duration),
            0,
          );
          expect(slots.filter((s) => s.date === d)).toHaveLength(expected);
        }
      }),
      { numRuns: 100 },
    );
  });
});

const NO_LIMITS: ScheduleFacts = {
  centerHours: null,
  providerHours: null,
  slotStepMin: 0,
  exceptions: [],
  leaves: [],
  holidays: [],
  weekend: [],
};
const OPEN_REQUEST: SlotRequest = {
  from: WINDOW[0]!,
  to: WINDOW.at(-1)!,
  durationMin: 30,
  now: new Date('2026-03-01T00:00:00Z'),
  bookings: [],
};
const MORNINGS: WeekHours = Array.from({ length: 7 }, () => [{ start: 540, end: 780 }]);
const byDate = (slots: Slot[]) => {
  const out: Record<string, number> = {};
  for (const s of slots) out[s.date] = (out[s.date] ?? 0) + 1;
  return out;
};

describe('free slots (examples)', () => {
  it('closes Nowruz 1405 (with Eid al-Fitr) and the Friday before it', () => {
    const from = '2026-03-19';
    const to = '2026-03-26';
    const f: ScheduleFacts = {
      ...NO_LIMITS,
      providerHours: MORNINGS,
      weekend: [6],
      holidays: closedDaysInRange(from, to).holidays,
    };
    const slots = freeSlots(f, { ...OPEN_REQUEST, from, to, durationMin: 60 });
    expect(byDate(slots)).toEqual({ '2026-03-19': 4, '2026-03-25': 4, '2026-03-26': 4 });
    expect(planDay('2026-03-21', f).closed).toEqual({
      kind: 'holiday',
      reason: 'آغاز نوروز؛ عید سعید فطر',
    });
    // 29 Esfand 1404 is both a holiday and a Friday: the holiday names the day.
    expect(planDay('2026-03-20', f).closed?.reason).toBe('روز ملی شدن صنعت نفت ایران');
  });

  it('closes the days of a leave and says why', () => {
    const f = {
      ...NO_LIMITS,
      providerHours: MORNINGS,
      leaves: [{ from: '2026-04-05', to: '2026-04-06', reason: 'همایش' }],
    };
    const counts = byDate(freeSlots(f, { ...OPEN_REQUEST, from: '2026-04-04', to: '2026-04-07' }));
    expect(counts).toEqual({ '2026-04-04': 8, '2026-04-07': 8 });
    expect(planDay('2026-04-05', f).closed).toEqual({ kind: 'leave', reason: 'مرخصی: همایش' });
  });

  it('uses an exception instead of the weekly hours, and an empty one as a day off', () => {
    const f = {
      ...NO_LIMITS,
      providerHours: MORNINGS,
      exceptions: [
        { date: '2026-04-04', blocks: [{ start: 960, end: 1080 }] },
        { date: '2026-04-05', blocks: [] },
      ],
    };
    const slots = freeSlots(f, {
      ...OPEN_REQUEST,
      from: '2026-04-04',
      to: '2026-04-05',
      durationMin: 60,
    });
    expect(slots).toEqual([
      { date: '2026-04-04', start: 960, end: 1020 },
      { date: '2026-04-04', start: 1020, end: 1080 },
    ]);
    expect(planDay('2026-04-05', f).closed?.kind).toBe('day-off');
    expect(planDay('2026-04-04', f)).toMatchObject({ exception: true, closed: null });
  });

  it('splits a day with two blocks, cut to the center’s hours, and skips what bookings hold', () => {
    const split: WeekHours = Array.from({ length: 7 }, () => [
      { start: 480, end: 720 },
      { start: 960, end: 1200 },
    ]);
    const center: WeekHours = Array.from({ length: 7 }, () => [{ start: 540, end: 1140 }]);
    const f = { ...NO_LIMITS, providerHours: split, centerHours: center, slotStepMin: 30 };
    const day = '2026-04-04';
    const slots = freeSlots(f, {
      ...OPEN_REQUEST,
      from: day,
      to: day,
      durationMin: 60,
      bookings: [
        { date: day, start: 600, end: 630, status: 'booked' },
        { date: day, start: 1020, end: 1080, status: 'cancelled' },
      ],
    });
    expect(slots.map((s) => s.start)).toEqual([540, 630, 660, 960, 990, 1020, 1050, 1080]);
    expect(planDay(day, f).blocks).toEqual([
      { start: 540, end: 720 },
      { start: 960, end: 1140 },
    ]);
  });

  it('respects the minimum notice and the booking horizon in Tehran time', () => {
    const f = { ...NO_LIMITS, providerHours: MORNINGS };
    // 05:00 UTC is 08:30 in Tehran on 2026-04-04.
    const slots = freeSlots(f, {
      ...OPEN_REQUEST,
      from: '2026-04-01',
      to: '2026-04-30',
      durationMin: 60,
      now: new Date('2026-04-04T05:00:00Z'),
      minNoticeMin: 120,
      maxAheadDays: 1,
    });
    expect(slots).toEqual([
      { date: '2026-04-04', start: 660, end: 720 },
      { date: '2026-04-04', start: 720, end: 780 },
      { date: '2026-04-05', start: 540, end: 600 },
      { date: '2026-04-05', start: 600, end: 660 },
      { date: '2026-04-05', start: 660, end: 720 },
      { date: '2026-04-05', start: 720, end: 780 },
    ]);
  });
});
