import { describe, expect, it } from 'vitest';
import { rialText, tomanText } from './money';

describe('money display', () => {
  it('shows Rials as Toman with Persian digits and thousands separators', () => {
    expect(tomanText(1_250_000)).toBe('۱۲۵٬۰۰۰ تومان');
    expect(tomanText(15_000_000)).toBe('۱٬۵۰۰٬۰۰۰ تومان');
    expect(tomanText(10)).toBe('۱ تومان');
  });

  it('calls a zero price free and rounds a Rial remainder', () => {
    expect(tomanText(0)).toBe('رایگان');
    expect(tomanText(1_255)).toBe('۱۲۶ تومان');
  });

  it('shows Rials when asked', () => {
    expect(rialText(1_250_000)).toBe('۱٬۲۵۰٬۰۰۰ ریال');
  });
});
