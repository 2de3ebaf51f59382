import { describe, expect, it } from 'vitest';
import { ageOn, formatJalali, isIsoDate, jalaliToIsoDate, todayInTehran } from './dates';

describe('dates', () => {
  it('checks real calendar days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('1403/01/01')).toBe(false);
  });
  it('converts between Gregorian and Jalali', () => {
    expect(formatJalali('2024-03-20')).toBe('1403/01/01');
    expect(formatJalali('1991-05-05')).toBe('1370/02/15');
    expect(jalaliToIsoDate(1403, 1, 1)).toBe('2024-03-20');
    expect(jalaliToIsoDate(1403, 12, 30)).toBe('2025-03-20'); // 1403 is a leap year
    expect(jalaliToIsoDate(1404, 12, 30)).toBeNull();
  });
  it("finds Tehran's calendar day from a UTC instant (UTC+03:30 all year)", () => {
    expect(todayInTehran(new Date('2024-03-19T20:29:00Z'))).toBe('2024-03-19');
    expect(todayInTehran(new Date('2024-03-19T20:31:00Z'))).toBe('2024-03-20');
  });
  it('computes age in whole years', () => {
    expect(ageOn('2000-05-10', '2024-05-09')).toBe(23);
    expect(ageOn('2000-05-10', '2024-05-10')).toBe(24);
  });
});
