import { expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, messageId, renderTemplate, unknownPlaceholders } from './messages';

it('fills Persian templates and points out unknown placeholders', () => {
  const text = renderTemplate(DEFAULT_TEMPLATES.confirmation, {
    patient: 'زهرا احمدی',
    center: 'کلینیک نمونه',
    weekday: 'سه‌شنبه',
    date: '۱۴۰۵/۰۹/۱۰',
    time: '۱۰:۳۰',
    provider: 'دکتر رضا حکیمی',
    code: '۱۲۳۴۵۶۷۸',
  });
  expect(text).toBe(
    'زهرا احمدی عزیز، نوبت شما در کلینیک نمونه برای سه‌شنبه ۱۴۰۵/۰۹/۱۰ ساعت ۱۰:۳۰ نزد دکتر رضا حکیمی ثبت شد. کد پیگیری: ۱۲۳۴۵۶۷۸',
  );
  expect(renderTemplate('سلام {patinet}', { patient: 'x' })).toBe('سلام {patinet}');
  expect(unknownPlaceholders('سلام {patinet} {date}')).toEqual(['patinet']);
});

it('derives the same message id everywhere, and different ids for different subjects', () => {
  const a = messageId('reminder', '01900000-0000-7000-8000-000000000001');
  expect(a).toBe(messageId('reminder', '01900000-0000-7000-8000-000000000001'));
  expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(messageId('confirmation', '01900000-0000-7000-8000-000000000001')).not.toBe(a);
  expect(messageId('reminder', '01900000-0000-7000-8000-000000000002')).not.toBe(a);
});
