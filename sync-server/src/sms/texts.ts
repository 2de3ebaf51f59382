/**
 * The values a center's SMS templates are filled with for a booking (shared/domain/messages.ts):
 * names, the Jalali date, weekday and time in Persian digits, the tracking code.
 */
import type { TemplateValues } from '../../../shared/domain/messages';
import { formatJalali } from '../../../shared/time/dates';
import { toPersianDigits } from '../../../shared/text/normalize';

/** Sunday = 0, as `Date#getUTCDay` counts. */
const WEEKDAYS = ['یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'شنبه'];

function clock(minutes: number): string {
  const h = String(Math.floor(minutes / 60)).padStart(2, '0');
  const m = String(minutes % 60).padStart(2, '0');
  return toPersianDigits(`${h}:${m}`);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function bookingValues(input: {
  appointment: Record<string, unknown>;
  center: Record<string, unknown> | null;
  patient: Record<string, unknown> | null;
  provider: Record<string, unknown> | null;
  service: Record<string, unknown> | null;
}): TemplateValues {
  const a = input.appointment;
  const date = text(a.date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const p = input.patient;
  const s = input.provider;
  return {
    patient: p ? `${text(p.firstName)} ${text(p.lastName)}`.trim() : '',
    date: toPersianDigits(formatJalali(date)),
    time: clock(typeof a.start === 'number' ? a.start : 0),
    weekday: WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '',
    provider: s
      ? [text(s.title), text(s.firstName), text(s.lastName)].filter(Boolean).join(' ')
      : '',
    service: text(input.service?.name),
    center: text(input.center?.name),
    code: toPersianDigits(text(a.trackingCode)),
  };
}
