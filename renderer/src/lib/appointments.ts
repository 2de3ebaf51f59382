/** What people read about a booking: status names and colours, sources, times. */
import type { Appointment, AppointmentStatus } from '../../../shared/domain/appointments';
import { formatJalali } from '../../../shared/time/dates';
import { minutesText } from './format';

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  held: 'در انتظار پرداخت',
  booked: 'رزرو شده',
  'checked-in': 'پذیرش شده',
  done: 'انجام شده',
  'no-show': 'عدم حضور',
  cancelled: 'لغو شده',
  conflict: 'تعارض',
};

/** Background and border of a booking block on the desk (light tints, dark text stays readable). */
export const STATUS_COLORS: Record<AppointmentStatus, { bg: string; border: string }> = {
  held: { bg: '#fff8e1', border: '#f9a825' },
  booked: { bg: '#e3f2fd', border: '#1e88e5' },
  'checked-in': { bg: '#e8f5e9', border: '#43a047' },
  done: { bg: '#eceff1', border: '#78909c' },
  'no-show': { bg: '#fce4ec', border: '#d81b60' },
  cancelled: { bg: '#fafafa', border: '#bdbdbd' },
  conflict: { bg: '#ffebee', border: '#e53935' },
};

export const SOURCE_LABELS: Record<Appointment['source'], string> = {
  desk: 'پذیرش',
  portal: 'سایت',
};

/**
 * `09:30–10:00` (digits drawn Persian by the font), isolated left to right: inside Persian text
 * the bidi algorithm would otherwise show the end before the start.
 */
export function timeRange(start: number, end: number): string {
  return `\u2066${minutesText(start)}–${minutesText(end)}\u2069`;
}

/** «سه‌شنبه ۱۰ آذر ۱۴۰۵». */
export function longDate(iso: string): string {
  return formatJalali(iso, 'EEEE d MMMM yyyy');
}

/** «HH:MM» → minutes, or null when it is not a time of day. */
export function parseTime(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}
