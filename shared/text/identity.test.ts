import { describe, expect, it } from 'vitest';
import { maskNationalId, mobileLocal, parseMobile, parseNationalId } from './identity';

describe('parseNationalId', () => {
  it('accepts valid ids in any digits and restores dropped leading zeros', () => {
    expect(parseNationalId('0499370899')).toBe('0499370899');
    expect(parseNationalId('۰۴۹۹۳۷۰۸۹۹')).toBe('0499370899');
    expect(parseNationalId('499370899')).toBe('0499370899');
    expect(parseNationalId('049-937089-9')).toBe('0499370899');
  });
  it('refuses bad checksums, repeated digits and wrong lengths', () => {
    expect(parseNationalId('0499370898')).toBeNull();
    expect(parseNationalId('1111111111')).toBeNull();
    expect(parseNationalId('12345')).toBeNull();
    expect(parseNationalId('04993708991')).toBeNull();
    expect(parseNationalId('abc')).toBeNull();
  });
});

describe('parseMobile', () => {
  it('normalises every common way of writing an Iranian mobile to +98', () => {
    for (const input of [
      '09121234567',
      '9121234567',
      '+989121234567',
      '00989121234567',
      '989121234567',
      '۰۹۱۲ ۱۲۳ ۴۵۶۷',
      '٠٩١٢١٢٣٤٥٦٧',
    ]) {
      expect(parseMobile(input), input).toBe('+989121234567');
    }
  });
  it('refuses landlines and wrong lengths', () => {
    expect(parseMobile('02112345678')).toBeNull();
    expect(parseMobile('0912123456')).toBeNull();
    expect(parseMobile('091212345678')).toBeNull();
    expect(parseMobile('')).toBeNull();
  });
  it('shows +98 numbers in the local form', () => {
    expect(mobileLocal('+989121234567')).toBe('09121234567');
  });
});

describe('maskNationalId', () => {
  it('keeps the last four digits', () => {
    expect(maskNationalId('0499370899')).toBe('******0899');
  });
});
