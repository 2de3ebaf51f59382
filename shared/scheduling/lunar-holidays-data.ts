/**
 * The lunar (Hijri) official holidays shipped with the product, per Jalali year.
 *
 * Iran's official calendar fixes lunar dates by moon sighting, so no formula gives them: a date can
 * differ by a day from any tabular Hijri calendar, and the authorities may still move one when the
 * crescent is (not) seen. Hence a shipped list per year, which each center can correct for a year
 * with a 'lunar-holidays' document (`holidays.setLunar`); that document replaces this list for its
 * year. Each entry keeps its Hijri month and day so a test can check every date against
 * `Intl.DateTimeFormat`'s `islamic-umalqura` and `islamic-civil` calendars (within one day).
 *
 * Sources, checked in 2026:
 * - 1404: the official calendar (Calendar Center, Institute of Geophysics, University of Tehran;
 *   holidays approved by the Council for Public Culture) as published: the year's full holiday list
 *   (gardshgar.com/holiday-1404, 26 days) and month reports (Shahrivar: esfahanemrooz.ir; Dey:
 *   eghtesadonline.com; 15 Bahman: asrshanbe.ir), 21 Ramadan 1447 from "29 Esfand 1404 = 30 Ramadan"
 *   (ilna.ir, 1405 calendar report).
 * - 1405: Farvardin to Tir from the published 1405 calendar (ilna.ir, 2025-10-30): Eid al-Fitr on 1
 *   and 2 Farvardin, Eid al-Adha 6 Khordad, Ghadir 14 Khordad, Tasua and Ashura 3 and 4 Tir. 25
 *   Shawwal follows from 1 Shawwal = 1 Farvardin (that report leaves it out, and its total of 25
 *   days is one short of the law's list, so the report is the likelier slip). From Arbaeen on the
 *   dates are islamic-umalqura's, which matches every published 1405 date above; they agree with
 *   the report's per-month counts (Mordad 4, Shahrivar 1, Aban 1, Dey 2, Bahman 2, Esfand 4).
 * - 1406: not yet published when this list was made: predicted with islamic-umalqura. Check them
 *   against the official calendar when it appears and correct the year with `holidays.setLunar`.
 */

export interface ShippedLunarHoliday {
  date: string;
  title: string;
  /** Hijri month (1 = Muharram) and day the holiday commemorates. */
  hijri: readonly [month: number, day: number];
}

const TITLES = {
  tasua: 'تاسوعای حسینی',
  ashura: 'عاشورای حسینی',
  arbaeen: 'اربعین حسینی',
  prophetDemise: 'رحلت حضرت رسول اکرم (ص) و شهادت امام حسن مجتبی (ع)',
  reza: 'شهادت امام رضا (ع)',
  askari: 'شهادت امام حسن عسکری (ع)',
  mawlid: 'میلاد حضرت رسول اکرم (ص) و امام جعفر صادق (ع)',
  fatima: 'شهادت حضرت فاطمه زهرا (س)',
  aliBirth: 'ولادت امام علی (ع) و روز پدر',
  mabath: 'مبعث حضرت رسول اکرم (ص)',
  midShaban: 'ولادت حضرت قائم (عج) و جشن نیمهٔ شعبان',
  aliMartyrdom: 'شهادت حضرت علی (ع)',
  fitr: 'عید سعید فطر',
  fitr2: 'تعطیل به مناسبت عید سعید فطر',
  sadiq: 'شهادت امام جعفر صادق (ع)',
  adha: 'عید سعید قربان',
  ghadir: 'عید سعید غدیر خم',
} as const;

type Entry = [date: string, month: number, day: number, title: keyof typeof TITLES];

const YEARS: Record<number, Entry[]> = {
  1404: [
    ['2025-03-22', 9, 21, 'aliMartyrdom'], // 2 Farvardin
    ['2025-03-31', 10, 1, 'fitr'], // 11 Farvardin
    ['2025-04-01', 10, 2, 'fitr2'], // 12 Farvardin
    ['2025-04-24', 10, 25, 'sadiq'], // 4 Ordibehesht
    ['2025-06-06', 12, 10, 'adha'], // 16 Khordad
    ['2025-06-14', 12, 18, 'ghadir'], // 24 Khordad
    ['2025-07-05', 1, 9, 'tasua'], // 14 Tir
    ['2025-07-06', 1, 10, 'ashura'], // 15 Tir
    ['2025-08-14', 2, 20, 'arbaeen'], // 23 Mordad
    ['2025-08-22', 2, 28, 'prophetDemise'], // 31 Mordad
    ['2025-08-24', 2, 30, 'reza'], // 2 Shahrivar
    ['2025-09-01', 3, 8, 'askari'], // 10 Shahrivar
    ['2025-09-10', 3, 17, 'mawlid'], // 19 Shahrivar
    ['2025-11-24', 6, 3, 'fatima'], // 3 Azar
    ['2026-01-03', 7, 13, 'aliBirth'], // 13 Dey
    ['2026-01-17', 7, 27, 'mabath'], // 27 Dey
    ['2026-02-04', 8, 15, 'midShaban'], // 15 Bahman
    ['2026-03-11', 9, 21, 'aliMartyrdom'], // 20 Esfand
  ],
  1405: [
    ['2026-03-21', 10, 1, 'fitr'], // 1 Farvardin
    ['2026-03-22', 10, 2, 'fitr2'], // 2 Farvardin
    ['2026-04-14', 10, 25, 'sadiq'], // 25 Farvardin
    ['2026-05-27', 12, 10, 'adha'], // 6 Khordad
    ['2026-06-04', 12, 18, 'ghadir'], // 14 Khordad
    ['2026-06-24', 1, 9, 'tasua'], // 3 Tir
    ['2026-06-25', 1, 10, 'ashura'], // 4 Tir
    ['2026-08-03', 2, 20, 'arbaeen'], // 12 Mordad
    ['2026-08-11', 2, 28, 'prophetDemise'], // 20 Mordad
    ['2026-08-13', 2, 30, 'reza'], // 22 Mordad
    ['2026-08-21', 3, 8, 'askari'], // 30 Mordad
    ['2026-08-30', 3, 17, 'mawlid'], // 8 Shahrivar
    ['2026-11-13', 6, 3, 'fatima'], // 22 Aban
    ['2026-12-22', 7, 13, 'aliBirth'], // 1 Dey
    ['2027-01-05', 7, 27, 'mabath'], // 15 Dey
    ['2027-01-23', 8, 15, 'midShaban'], // 3 Bahman
    ['2027-02-28', 9, 21, 'aliMartyrdom'], // 9 Esfand
    ['2027-03-09', 10, 1, 'fitr'], // 18 Esfand
    ['2027-03-10', 10, 2, 'fitr2'], // 19 Esfand
  ],
  1406: [
    ['2027-04-02', 10, 25, 'sadiq'], // 13 Farvardin
    ['2027-05-16', 12, 10, 'adha'], // 26 Ordibehesht
    ['2027-05-24', 12, 18, 'ghadir'], // 3 Khordad
    ['2027-06-14', 1, 9, 'tasua'], // 24 Khordad
    ['2027-06-15', 1, 10, 'ashura'], // 25 Khordad
    ['2027-07-24', 2, 20, 'arbaeen'], // 2 Mordad
    ['2027-08-01', 2, 28, 'prophetDemise'], // 10 Mordad
    ['2027-08-02', 2, 29, 'reza'], // 11 Mordad (Safar of 29 days)
    ['2027-08-10', 3, 8, 'askari'], // 19 Mordad
    ['2027-08-19', 3, 17, 'mawlid'], // 28 Mordad
    ['2027-11-02', 6, 3, 'fatima'], // 11 Aban
    ['2027-12-11', 7, 13, 'aliBirth'], // 20 Azar
    ['2027-12-25', 7, 27, 'mabath'], // 4 Dey
    ['2028-01-12', 8, 15, 'midShaban'], // 22 Dey
    ['2028-02-17', 9, 21, 'aliMartyrdom'], // 28 Bahman
    ['2028-02-26', 10, 1, 'fitr'], // 7 Esfand
    ['2028-02-27', 10, 2, 'fitr2'], // 8 Esfand
  ],
};

export const SHIPPED_LUNAR_HOLIDAYS: Readonly<Record<number, readonly ShippedLunarHoliday[]>> =
  Object.fromEntries(
    Object.entries(YEARS).map(([year, entries]) => [
      year,
      entries.map(([date, month, day, title]) => ({
        date,
        title: TITLES[title],
        hijri: [month, day] as const,
      })),
    ]),
  );

/** Jalali years the product ships a lunar list for. */
export const SHIPPED_LUNAR_YEARS: readonly number[] = Object.keys(YEARS).map(Number);
