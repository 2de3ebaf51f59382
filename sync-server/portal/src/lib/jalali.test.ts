import { describe, expect, it } from 'vitest';
import {
  birthYears,
  changeParts,
  daysInJalaliMonth,
  isJalaliLeapYear,
  jalaliPartsOf,
  NO_PARTS,
  partsToIso,
} from './jalali';

describe('Jalali picker logic', () => {
  it('reads an ISO date into Jalali parts and back', () => {
    expect(jalaliPartsOf('2024-03-20')).toEqual({ year: 1403, month: 1, day: 1 });
    expect(jalaliPartsOf('2026-11-25')).toEqual({ year: 1405, month: 9, day: 4 });
    expect(partsToIso({ year: 1405, month: 9, day: 4 })).toBe('2026-11-25');
    expect(partsToIso({ year: 1370, month: 6, day: 31 })).toBe('1991-09-22');
  });

  it('treats empty or malformed dates as nothing chosen', () => {
    expect(jalaliPartsOf('')).toEqual(NO_PARTS);
    expect(jalaliPartsOf('1403/01/01')).toEqual(NO_PARTS);
  });

  it('gives no date until every part is chosen', () => {
    expect(partsToIso({ year: 1380, month: 0, day: 5 })).toBe('');
    expect(partsToIso({ year: 0, month: 2, day: 5 })).toBe('');
    expect(partsToIso(NO_PARTS)).toBe('');
  });

  it('knows the month lengths and the leap years', () => {
    expect(daysInJalaliMonth(1402, 1)).toBe(31);
    expect(daysInJalaliMonth(1402, 6)).toBe(31);
    expect(daysInJalaliMonth(1402, 7)).toBe(30);
    expect(daysInJalaliMonth(1402, 11)).toBe(30);
    expect(isJalaliLeapYear(1403)).toBe(true);
    expect(isJalaliLeapYear(1402)).toBe(false);
    expect(daysInJalaliMonth(1403, 12)).toBe(30);
    expect(daysInJalaliMonth(1402, 12)).toBe(29);
    expect(daysInJalaliMonth(0, 12)).toBe(30);
  });

  it('pulls the day back into a shorter month or a common year', () => {
    const mehr = changeParts({ year: 1380, month: 6, day: 31 }, { month: 7 });
    expect(mehr).toEqual({ year: 1380, month: 7, day: 30 });
    const esfand = changeParts({ year: 1403, month: 12, day: 30 }, { year: 1402 });
    expect(esfand).toEqual({ year: 1402, month: 12, day: 29 });
    expect(partsToIso(esfand)).toBe('2024-03-19');
    expect(changeParts({ year: 0, month: 0, day: 31 }, { year: 1380 })).toEqual({
      year: 1380,
      month: 0,
      day: 31,
    });
  });

  it('offers birth years from this year back', () => {
    const years = birthYears('2026-11-25', 3);
    expect(years).toEqual([1405, 1404, 1403, 1402]);
    expect(birthYears('2026-11-25')).toHaveLength(111);
  });
});
