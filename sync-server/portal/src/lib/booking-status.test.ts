import { describe, expect, it } from 'vitest';
import type { PortalBooking } from '../../../../shared/portal/contract';
import { canPay, countdownText, holdLeftMs, statusTone } from './booking-status';

const held: PortalBooking = {
  id: 'b1',
  centerId: 'c1',
  centerName: 'کلینیک',
  providerName: 'دکتر',
  serviceName: 'ویزیت',
  date: '2026-11-26',
  start: 600,
  end: 630,
  status: 'held',
  trackingCode: '12345678',
  patientName: 'زهرا احمدی',
  priceRial: 1_000_000,
  payment: 'pending',
  holdUntil: '2026-11-25T08:15:00.000Z',
  canCancel: false,
};

describe('the payment hold (P5)', () => {
  const now = Date.parse('2026-11-25T08:02:30.000Z');

  it('counts down the time left to pay', () => {
    expect(holdLeftMs(held.holdUntil, now)).toBe(750_000);
    expect(countdownText(750_000)).toBe('12:30');
    expect(countdownText(59_001)).toBe('01:00');
    expect(countdownText(0)).toBe('00:00');
  });

  it('is over after holdUntil, or without one', () => {
    expect(holdLeftMs(held.holdUntil, Date.parse('2026-11-25T08:16:00.000Z'))).toBe(0);
    expect(holdLeftMs(null, now)).toBe(0);
    expect(holdLeftMs('nonsense', now)).toBe(0);
  });

  it('lets the patient pay only a held, unpaid booking within the hold', () => {
    expect(canPay(held, now)).toBe(true);
    expect(canPay({ ...held, payment: 'failed' }, now)).toBe(true);
    expect(canPay({ ...held, status: 'booked', payment: 'paid' }, now)).toBe(false);
    expect(canPay(held, Date.parse('2026-11-25T09:00:00.000Z'))).toBe(false);
  });

  it('colours statuses', () => {
    expect(statusTone(held)).toBe('wait');
    expect(statusTone({ status: 'booked', payment: 'paid' })).toBe('ok');
    expect(statusTone({ status: 'cancelled', payment: 'not-needed' })).toBe('bad');
    expect(statusTone({ status: 'done', payment: 'not-needed' })).toBe('plain');
  });
});
