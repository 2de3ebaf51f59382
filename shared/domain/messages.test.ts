import { expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, renderTemplate, unknownPlaceholders } from './messages';

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
