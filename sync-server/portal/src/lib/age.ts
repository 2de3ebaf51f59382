/** P2: people under 18 may not register. Checked in the form before anything is sent. */
import { MIN_AGE_YEARS } from '../../../../shared/portal/contract';
import { ageOn } from '../../../../shared/time/dates';

export const UNDER_AGE_MESSAGE = `ثبت‌نام در این سامانه فقط برای افراد ${MIN_AGE_YEARS.toLocaleString('fa-IR')} سال و بالاتر ممکن است. برای نوبت گرفتن برای فرزندتان، یکی از والدین ثبت‌نام کند و نوبت را «برای شخص دیگر» بگیرد.`;
export const FUTURE_BIRTH_MESSAGE = 'تاریخ تولد نمی‌تواند بعد از امروز باشد.';

/** A Persian problem with a birth date (`YYYY-MM-DD`) on `today`, or null; '' is left to the schema. */
export function birthDateProblem(birthDate: string, today: string): string | null {
  if (!birthDate) return null;
  if (birthDate > today) return FUTURE_BIRTH_MESSAGE;
  return ageOn(birthDate, today) < MIN_AGE_YEARS ? UNDER_AGE_MESSAGE : null;
}
