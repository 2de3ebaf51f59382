/** Sharing a booking (P8): the text people send, and where the Web Share API is missing, links. */
import type { PortalBooking } from '../../../../shared/portal/contract';
import { toPersianDigits } from '../../../../shared/text/normalize';
import { jalaliLong } from './dates';
import { timeText } from './time';

/** What a shared message says: a booking's or a receipt's public facts. */
export type Shareable = Pick<
  PortalBooking,
  'serviceName' | 'providerName' | 'centerName' | 'date' | 'start' | 'trackingCode'
>;

/** No national id or mobile: a shared message may be forwarded anywhere. */
export function shareText(b: Shareable): string {
  return toPersianDigits(
    `نوبت ${b.serviceName} نزد ${b.providerName} در ${b.centerName}، ${jalaliLong(b.date)} ساعت ${timeText(b.start)}. کد پیگیری: ${b.trackingCode}`,
  );
}

/** Share links for the messengers Iranians use, for browsers without `navigator.share`. */
export function shareLinks(text: string, url: string): { label: string; href: string }[] {
  const t = encodeURIComponent(text);
  const u = encodeURIComponent(url);
  return [
    { label: 'تلگرام', href: `https://t.me/share/url?url=${u}&text=${t}` },
    { label: 'واتس‌اپ', href: `https://wa.me/?text=${t}%0A${u}` },
    { label: 'پیامک', href: `sms:?&body=${t}%0A${u}` },
  ];
}
