import { describe, expect, it } from 'vitest';
import { addDays, jalaliYearRange } from './day-math';
import { closedDaysInRange, lunarHolidays, lunarListProblems, solarHolidays } from './holidays';
import { SHIPPED_LUNAR_HOLIDAYS, SHIPPED_LUNAR_YEARS } from './lunar-holidays-data';

const hijriOf = (calendar: string) => {
  const format = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, {
    timeZone: 'UTC',
    month: 'numeric',
    day: 'numeric',
  });
  return (iso: string): [number, number] => {
    const parts = format.formatToParts(new Date(`${iso}T12:00:00Z`));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return [get('month'), get('day')];
  };
};

describe('official holidays', () => {
  it('computes Nowruz 1405 as 2026-03-21..24 and 22 Bahman from the Jalali calendar', () => {
    const solar = solarHolidays(1405);
    expect(solar.filter((h) => h.title.includes('نوروز')).map((h) => h.date)).toEqual([
      '2026-03-21',
      '2026-03-22',
      '2026-03-23',
      '2026-03-24',
    ]);
    expect(solar.find((h) => h.title === 'پیروزی انقلاب اسلامی')?.date).toBe('2027-02-11');
    expect(solarHolidays(1404).find((h) => h.title === 'پیروزی انقلاب اسلامی')?.date).toBe(
      '2026-02-11',
    );
    // 1403 is a leap year: its 29 Esfand is the day before the 30th, not the year's last day.
    expect(solarHolidays(1403).at(-1)).toEqual({
      date: '2025-03-19',
      title: 'روز ملی شدن صنعت نفت ایران',
      kind: 'solar',
    });
    expect(solar).toHaveLength(10);
  });

  it('gives a range every holiday with its title, the weekend days, and both reasons on a shared day', () => {
    const days = closedDaysInRange('2026-06-01', '2026-06-07', { weekend: [6] });
    expect(days.holidays).toEqual([
      { date: '2026-06-04', title: 'رحلت حضرت امام خمینی (ره)', kind: 'solar' },
      { date: '2026-06-04', title: 'عید سعید غدیر خم', kind: 'lunar' },
      { date: '2026-06-05', title: 'قیام ۱۵ خرداد', kind: 'solar' },
    ]);
    expect(days.weekendDays).toEqual(['2026-06-05']);
    expect(days.missingLunarYears).toEqual([]);
  });

  it('takes lunar dates from the shipped list (Ashura 1404 = 15 Tir = 2025-07-06)', () => {
    const { holidays } = closedDaysInRange('2025-07-01', '2025-07-10');
    expect(holidays).toEqual([
      { date: '2025-07-05', title: 'تاسوعای حسینی', kind: 'lunar' },
      { date: '2025-07-06', title: 'عاشورای حسینی', kind: 'lunar' },
    ]);
  });

  it("lets a center's list replace the shipped one for its year only", () => {
    const overrides = new Map([[1405, [{ date: '2026-06-26', title: 'عاشورای حسینی' }]]]);
    expect(lunarHolidays(1405, overrides).source).toBe('center');
    const days = closedDaysInRange('2026-06-20', '2026-06-30', { lunarOverrides: overrides });
    expect(days.holidays.map((h) => [h.date, h.title])).toEqual([['2026-06-26', 'عاشورای حسینی']]);
    // 1404 keeps the shipped list.
    expect(
      closedDaysInRange('2025-07-06', '2025-07-06', { lunarOverrides: overrides }).holidays,
    ).toHaveLength(1);
  });

  it('reports years with no lunar list, and lists closures day by day with their reason', () => {
    const days = closedDaysInRange('2031-01-01', '2031-01-03', {
      closures: [{ id: 'c1', from: '2030-12-31', to: '2031-01-02', reason: 'بازسازی' }],
    });
    expect(days.missingLunarYears).toEqual([1409]);
    expect(days.holidays).toEqual([
      { date: '2031-01-01', title: 'بازسازی', kind: 'closure', closureId: 'c1' },
      { date: '2031-01-02', title: 'بازسازی', kind: 'closure', closureId: 'c1' },
    ]);
  });

  it('ships 1404–1406, each date inside its year, in order, within a day of a tabular Hijri calendar', () => {
    expect(SHIPPED_LUNAR_YEARS).toEqual([1404, 1405, 1406]);
    const calendars = [hijriOf('islamic-umalqura'), hijriOf('islamic-civil')];
    for (const year of SHIPPED_LUNAR_YEARS) {
      const list = SHIPPED_LUNAR_HOLIDAYS[year]!;
      const { from, to } = jalaliYearRange(year);
      expect(list.length, String(year)).toBeGreaterThanOrEqual(17);
      expect(lunarListProblems(year, list), String(year)).toEqual([]);
      for (const [i, h] of list.entries()) {
        expect(h.date >= from && h.date <= to, h.date).toBe(true);
        if (i > 0) expect(list[i - 1]!.date < h.date, h.date).toBe(true);
        const [month, day] = h.hijri;
        // The end of Safar is its 29th or 30th, whichever is its last day that year.
        const matches = (m: number, d: number) =>
          m === month && (d === day || (month === 2 && day >= 29 && d >= 29));
        const near = [-1, 0, 1].some((shift) =>
          calendars.some((hijri) => matches(...hijri(addDays(h.date, shift)))),
        );
        expect(near, `${h.date} ${h.title}`).toBe(true);
      }
    }
  });

  it('refuses a lunar list with a date outside the year or a date twice', () => {
    expect(
      lunarListProblems(1405, [
        { date: '2026-03-20', title: 'الف' },
        { date: '2026-06-25', title: 'ب' },
        { date: '2026-06-25', title: 'ج' },
      ]).map((p) => p.index),
    ).toEqual([0, 2]);
  });
});
