import { describe, expect, it } from 'vitest';
import { bookingDays, dayLabel, isUpcoming, jalaliLong, splitBookings } from './dates';
import { jalaliOfInstant, tehranDayAndMinute, timeText } from './time';

describe('date display', () => {
  it('writes a long Jalali date with the weekday', () => {
    expect(jalaliLong('2026-11-25')).toBe('چهارشنبه 4 آذر 1405');
    expect(jalaliLong('2024-03-20')).toBe('چهارشنبه 1 فروردین 1403');
  });

  it('writes minutes as a clock time', () => {
    expect(timeText(510)).toBe('08:30');
    expect(timeText(0)).toBe('00:00');
    expect(timeText(1439)).toBe('23:59');
  });

  it('reads instants in Tehran time (UTC+03:30)', () => {
    expect(tehranDayAndMinute('2026-11-25T20:45:00.000Z')).toEqual({
      date: '2026-11-26',
      minute: 15,
    });
    expect(jalaliOfInstant('2026-11-25T05:00:00.000Z', true)).toBe('1405/09/04 ساعت 08:30');
    expect(jalaliOfInstant('2026-12-01')).toBe('1405/09/10');
    expect(jalaliOfInstant('soon')).toBe('—');
  });

  it('offers today and the next 29 days', () => {
    const days = bookingDays('2026-11-25');
    expect(days).toHaveLength(30);
    expect(days[0]).toBe('2026-11-25');
    expect(days[29]).toBe('2026-12-24');
    expect(dayLabel('2026-11-28')).toEqual({ weekday: 'شنبه', day: '7', month: 'آذر' });
  });

  it('tells upcoming bookings from past ones by their end in Tehran', () => {
    const now = Date.parse('2026-11-25T06:30:00.000Z'); // 10:00 in Tehran
    expect(isUpcoming({ date: '2026-11-25', end: 601 }, now)).toBe(true);
    expect(isUpcoming({ date: '2026-11-25', end: 600 }, now)).toBe(false);
    expect(isUpcoming({ date: '2026-11-26', end: 0 }, now)).toBe(true);
    expect(isUpcoming({ date: '2026-11-24', end: 1439 }, now)).toBe(false);
  });

  it('lists bookings ahead soonest first, and past or cancelled ones latest first', () => {
    const now = Date.parse('2026-11-25T06:30:00.000Z'); // 10:00 in Tehran
    const b = (id: string, date: string, start: number, status = 'booked') => ({
      id,
      date,
      start,
      end: start + 30,
      status,
    });
    const { upcoming, past } = splitBookings(
      [
        b('later', '2026-11-27', 540),
        b('cancelled-ahead', '2026-11-26', 540, 'cancelled'),
        b('soon', '2026-11-25', 600),
        b('yesterday', '2026-11-24', 540, 'done'),
        b('this-morning', '2026-11-25', 480, 'done'),
      ],
      now,
    );
    expect(upcoming.map((x) => x.id)).toEqual(['soon', 'later']);
    expect(past.map((x) => x.id)).toEqual(['cancelled-ahead', 'this-morning', 'yesterday']);
  });
});
