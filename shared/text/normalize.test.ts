import { describe, expect, it } from 'vitest';
import { searchKey, tidyPersian, toLatinDigits, toPersianDigits } from './normalize';
import { collationKey } from './collate';

describe('digits', () => {
  it('reads Persian and Arabic-Indic digits as Latin', () => {
    expect(toLatinDigits('۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩ 42')).toBe('0123456789 0123456789 42');
  });
  it('writes Persian digits', () => {
    expect(toPersianDigits('1403/01/15')).toBe('۱۴۰۳/۰۱/۱۵');
    expect(toPersianDigits(907)).toBe('۹۰۷');
  });
});

describe('tidyPersian', () => {
  it('turns Arabic letter forms into Persian ones and tidies spaces', () => {
    expect(tidyPersian('  علي   كريمي ')).toBe('علی کریمی');
  });
  it('keeps a ZWNJ but drops spaces around it', () => {
    expect(tidyPersian('کریمی \u200c نژاد')).toBe('کریمی\u200cنژاد');
  });
});

describe('searchKey', () => {
  it('makes Arabic and Persian spellings, ZWNJ and digit scripts compare equal', () => {
    expect(searchKey('كريمي‌نژاد')).toBe(searchKey('کریمینژاد'));
    expect(searchKey('مؤمنی')).toBe(searchKey('مومنی'));
    expect(searchKey('إحسان')).toBe(searchKey('احسان'));
    expect(searchKey('۰۹۱۲')).toBe('0912');
    expect(searchKey('مُحَمَّد')).toBe('محمد');
    expect(searchKey('ABC')).toBe('abc');
  });
});

describe('collationKey', () => {
  it('orders Persian names alphabetically under plain comparison', () => {
    const names = ['گلی', 'پارسا', 'بهرام', 'ژاله', 'آرش', 'یاسمن', 'چنگیز', 'زهره', 'احمد'];
    const sorted = [...names].sort((a, b) => (collationKey(a) < collationKey(b) ? -1 : 1));
    expect(sorted).toEqual([
      'احمد',
      'آرش',
      'بهرام',
      'پارسا',
      'چنگیز',
      'زهره',
      'ژاله',
      'گلی',
      'یاسمن',
    ]);
  });
  it('treats Arabic letter forms as their Persian letters', () => {
    expect(collationKey('كريم')).toBe(collationKey('کریم'));
  });
});
