import { INVALID_DATE } from '../../components/JalaliDateField';

/** A day range of a list's filters: `YYYY-MM-DD`, '' or {@link INVALID_DATE} each. */
export interface DayRange {
  from: string;
  to: string;
}

/** What is wrong with each day of a range, as the message under its field. */
export function dayProblems(f: DayRange): Partial<Record<'from' | 'to', string>> {
  const problems: Partial<Record<'from' | 'to', string>> = {};
  if (f.from === INVALID_DATE) problems.from = 'این روز در تقویم نیست.';
  if (f.to === INVALID_DATE) problems.to = 'این روز در تقویم نیست.';
  if (!problems.from && !problems.to && f.from && f.to && f.from > f.to)
    problems.to = 'تاریخ پایان پیش از تاریخ آغاز است.';
  return problems;
}

/**
 * The days a list is asked for: a day with a problem (shown under its field) is left out, and the
 * other one still applies, so the list never shows more than the filters that are in force.
 */
export function queryDays(range: DayRange): { from?: string; to?: string } {
  const problems = dayProblems(range);
  return {
    ...(range.from && !problems.from ? { from: range.from } : {}),
    ...(range.to && !problems.to ? { to: range.to } : {}),
  };
}
