/**
 * Dates and times as the portal shows them: Jalali, Tehran time. Functions return Latin digits;
 * the "Vazirmatn FD" font draws them Persian (text leaving the page, like a share, goes through
 * `toPersianDigits`). Kept free of zod so that every page can use it.
 */
import { formatJalali, isIsoDate } from '../../../../shared/time/dates';
import { TEHRAN_OFFSET_MIN } from '../../../../shared/scheduling/day-math';

/** `2026-11-25` → `1405/09/04`. */
export function jalaliShort(iso: string): string {
  return formatJalali(iso, 'yyyy/MM/dd');
}

/** Minutes from midnight → `HH:MM`. */
export function timeText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The Tehran calendar day and minute of an instant (ms or ISO). */
export function tehranDayAndMinute(instant: number | string): { date: string; minute: number } {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const shifted = new Date(ms + TEHRAN_OFFSET_MIN * 60_000).toISOString();
  const minute = Number(shifted.slice(11, 13)) * 60 + Number(shifted.slice(14, 16));
  return { date: shifted.slice(0, 10), minute };
}

/** An instant (or a plain `YYYY-MM-DD`) as a Jalali date, with the Tehran time for instants. */
export function jalaliOfInstant(value: string, withTime = false): string {
  if (isIsoDate(value)) return jalaliShort(value);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return '—';
  const { date, minute } = tehranDayAndMinute(ms);
  return withTime ? `${jalaliShort(date)} ساعت ${timeText(minute)}` : jalaliShort(date);
}
