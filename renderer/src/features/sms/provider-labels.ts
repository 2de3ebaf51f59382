import type { SMS_PROVIDER_CHOICES } from '../../../../shared/sync/protocol';

export const SMS_PROVIDER_LABELS: Record<(typeof SMS_PROVIDER_CHOICES)[number], string> = {
  outbox: 'صندوق محلی (بدون ارسال)',
  kavenegar: 'کاوه‌نگار',
  smsir: 'SMS.ir',
};
