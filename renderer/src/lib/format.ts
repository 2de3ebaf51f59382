import { mobileLocal } from '../../../shared/text/identity';
import { formatJalali } from '../../../shared/time/dates';
import { GENDER_LABELS, type Gender } from '../../../shared/domain/patients';

/** Digits are drawn Persian by the "Vazirmatn FD" font; text keeps Latin digits for input/copy. */
export const faNumber = new Intl.NumberFormat('fa-IR');

export function jalaliDate(iso: string): string {
  return iso ? formatJalali(iso) : '—';
}

/** Jalali date and time of a UTC instant, in Tehran time. */
export function jalaliDateTime(instant: string): string {
  const shifted = new Date(new Date(instant).getTime() + 210 * 60_000).toISOString();
  return `${formatJalali(shifted.slice(0, 10))} ${shifted.slice(11, 16)}`;
}

export function mobileText(mobile: string): string {
  return mobile ? mobileLocal(mobile) : '—';
}

export function genderText(gender: Gender): string {
  return GENDER_LABELS[gender];
}

/** Minutes from midnight → `HH:MM`. */
export function minutesText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The Jalali calendar day (Tehran) of a UTC instant. */
export function jalaliDateOfInstant(instant: string): string {
  return jalaliDateTime(instant).slice(0, 10);
}

/**
 * Text that must read left to right inside Persian (file numbers like `1-3`, codes): isolated,
 * or the bidi algorithm shows `3-1` after Persian words.
 */
export function ltr(text: string): string {
  return text ? `\u2066${text}\u2069` : text;
}
