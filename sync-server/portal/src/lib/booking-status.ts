/** How a booking's state reads to a patient, and the payment hold's countdown (P5). */
import type { AppointmentStatus } from '../../../../shared/domain/appointments';
import type { PortalBooking } from '../../../../shared/portal/contract';

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  held: 'در انتظار پرداخت',
  booked: 'ثبت‌شده',
  'checked-in': 'پذیرش‌شده',
  done: 'انجام‌شده',
  'no-show': 'عدم مراجعه',
  cancelled: 'لغوشده',
  conflict: 'در انتظار بررسی مرکز',
};

export const PAYMENT_LABELS: Record<PortalBooking['payment'], string> = {
  'not-needed': 'بدون پیش‌پرداخت',
  pending: 'در انتظار پرداخت',
  paid: 'پرداخت‌شده',
  failed: 'پرداخت ناموفق',
  expired: 'مهلت پرداخت گذشت',
};

/** Milliseconds left to pay, 0 once the hold has run out (or when there is none). */
export function holdLeftMs(holdUntil: string | null, now: number): number {
  if (!holdUntil) return 0;
  const until = Date.parse(holdUntil);
  return Number.isNaN(until) ? 0 : Math.max(0, until - now);
}

/** `754000` → `12:34` (minutes and seconds, rounded up so 0:00 means it is over). */
export function countdownText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** True while the patient can still pay for a held booking. */
export function canPay(booking: PortalBooking, now: number): boolean {
  return (
    booking.status === 'held' &&
    (booking.payment === 'pending' || booking.payment === 'failed') &&
    holdLeftMs(booking.holdUntil, now) > 0
  );
}

export type StatusTone = 'ok' | 'wait' | 'bad' | 'plain';

export function statusTone(booking: Pick<PortalBooking, 'status' | 'payment'>): StatusTone {
  if (booking.status === 'cancelled' || booking.status === 'no-show') return 'bad';
  if (booking.status === 'held' || booking.status === 'conflict') return 'wait';
  if (booking.status === 'booked' || booking.status === 'checked-in') return 'ok';
  return 'plain';
}
