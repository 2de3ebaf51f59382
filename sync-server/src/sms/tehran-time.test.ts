import { describe, expect, it } from 'vitest';
import { inQuietHours, reminderTime, tehranMinute, visitInstant } from './tehran-time';

const QUIET = { from: 22 * 60, to: 8 * 60 };

describe('Tehran time', () => {
  it('places a booking at UTC+03:30 and reads minutes of the Tehran day', () => {
    expect(visitInstant('2026-03-03', 9 * 60).toISOString()).toBe('2026-03-03T05:30:00.000Z');
    expect(tehranMinute(new Date('2026-03-02T20:30:00.000Z'))).toBe(0);
    expect(tehranMinute(new Date('2026-03-02T20:29:00.000Z'))).toBe(1439);
  });

  it('knows quiet hours that wrap past midnight, and none when both ends are equal', () => {
    const at = (tehran: string) => visitInstant('2026-03-02', 0).getTime() + minutes(tehran);
    const minutes = (hhmm: string) => {
      const [h, m] = hhmm.split(':').map(Number) as [number, number];
      return (h * 60 + m) * 60_000;
    };
    expect(inQuietHours(new Date(at('23:00')), QUIET)).toBe(true);
    expect(inQuietHours(new Date(at('07:59')), QUIET)).toBe(true);
    expect(inQuietHours(new Date(at('08:00')), QUIET)).toBe(false);
    expect(inQuietHours(new Date(at('21:59')), QUIET)).toBe(false);
    expect(inQuietHours(new Date(at('13:00')), { from: 12 * 60, to: 14 * 60 })).toBe(true);
    expect(inQuietHours(new Date(at('03:00')), { from: 0, to: 0 })).toBe(false);
  });

  it('moves a reminder out of quiet hours, and never after the visit', () => {
    const remind = (date: string, start: number, hours: number) =>
      reminderTime(visitInstant(date, start), hours, QUIET).toISOString();
    // 24 h before 09:00 is 09:00 the day before: outside quiet hours.
    expect(remind('2026-03-03', 9 * 60, 24)).toBe(visitInstant('2026-03-02', 9 * 60).toISOString());
    // 24 h before 07:30 is in quiet hours: at 08:00 that day instead.
    expect(remind('2026-03-03', 7 * 60 + 30, 24)).toBe(
      visitInstant('2026-03-02', 8 * 60).toISOString(),
    );
    // 1 h before 08:15 is 07:15: quiet hours end at 08:00, still before the visit.
    expect(remind('2026-03-03', 8 * 60 + 15, 1)).toBe(
      visitInstant('2026-03-03', 8 * 60).toISOString(),
    );
    // 1 h before 07:30 is 06:30, and quiet hours end after the visit: 21:59 the evening before.
    expect(remind('2026-03-03', 7 * 60 + 30, 1)).toBe(
      visitInstant('2026-03-02', 21 * 60 + 59).toISOString(),
    );
  });
});
