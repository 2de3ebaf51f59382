import { describe, expect, it } from 'vitest';
import type { PortalBooking } from '../../../../shared/portal/contract';
import { shareLinks, shareText } from './share';

const booking = {
  id: 'b1',
  centerName: 'کلینیک شفا',
  providerName: 'دکتر رضا حکیمی',
  serviceName: 'ویزیت',
  date: '2026-12-01',
  start: 630,
  trackingCode: '12345678',
} as PortalBooking;

describe('sharing a booking', () => {
  it('says what, where and when with Persian digits, and nothing private', () => {
    const text = shareText(booking);
    expect(text).toBe(
      'نوبت ویزیت نزد دکتر رضا حکیمی در کلینیک شفا، سه‌شنبه ۱۰ آذر ۱۴۰۵ ساعت ۱۰:۳۰. کد پیگیری: ۱۲۳۴۵۶۷۸',
    );
  });

  it('builds messenger links with the text and address encoded', () => {
    const links = shareLinks('سلام & خداحافظ', 'https://portal.example/bookings/b1/receipt');
    expect(links.map((l) => l.label)).toEqual(['تلگرام', 'واتس‌اپ', 'پیامک']);
    expect(links[0]!.href).toContain('url=https%3A%2F%2Fportal.example%2Fbookings%2Fb1%2Freceipt');
    expect(links[0]!.href).not.toContain('&خداحافظ');
  });
});
