import { describe, expect, it } from 'vitest';
import { INVALID_DATE } from '../../components/JalaliDateField';
import { dayProblems, queryDays } from './day-range';

describe('a list’s day range', () => {
  it('asks for both days of a good range, or the one that is set', () => {
    expect(queryDays({ from: '2026-11-20', to: '2026-11-25' })).toEqual({
      from: '2026-11-20',
      to: '2026-11-25',
    });
    expect(queryDays({ from: '2026-11-25', to: '2026-11-25' })).toEqual({
      from: '2026-11-25',
      to: '2026-11-25',
    });
    expect(queryDays({ from: '', to: '2026-11-25' })).toEqual({ to: '2026-11-25' });
    expect(queryDays({ from: '', to: '' })).toEqual({});
  });

  it('leaves out only an end day before the start day, which gets the message', () => {
    const range = { from: '2026-11-25', to: '2026-11-20' };
    expect(dayProblems(range)).toEqual({ to: 'تاریخ پایان پیش از تاریخ آغاز است.' });
    expect(queryDays(range)).toEqual({ from: '2026-11-25' });
  });

  it('leaves out a day that is not in the calendar and keeps the other', () => {
    expect(dayProblems({ from: INVALID_DATE, to: '2026-11-20' })).toEqual({
      from: 'این روز در تقویم نیست.',
    });
    expect(queryDays({ from: INVALID_DATE, to: '2026-11-20' })).toEqual({ to: '2026-11-20' });
    expect(queryDays({ from: '2026-11-20', to: INVALID_DATE })).toEqual({ from: '2026-11-20' });
  });
});
