/**
 * Money: stored as integer Rials everywhere; typed and shown in the center's unit (most Iranian
 * clinics price in Toman, 1 Toman = 10 Rials). Inputs keep Latin digits (the font draws them
 * Persian) and group thousands with the Arabic thousands separator «٬».
 */
import { toLatinDigits, toPersianDigits } from '../../../shared/text/normalize';
import { faNumber, ltr } from './format';

export type MoneyUnit = 'rial' | 'toman';

export const MONEY_UNIT_LABELS: Record<MoneyUnit, string> = { rial: 'ریال', toman: 'تومان' };

const RIAL_PER: Record<MoneyUnit, number> = { rial: 1, toman: 10 };

const SEPARATOR = '\u066c';

/** `1250000` Rials in Toman → «۱۲۵٬۰۰۰ تومان». */
export function moneyText(rial: number, unit: MoneyUnit): string {
  return `${faNumber.format(rial / RIAL_PER[unit])} ${MONEY_UNIT_LABELS[unit]}`;
}

/** What an amount input shows for a stored Rial amount. */
export function amountInputText(rial: number, unit: MoneyUnit): string {
  return groupAmount(String(rial / RIAL_PER[unit]));
}

/**
 * Tidies what was typed into an amount: any digits → Latin, thousands grouped; a leading minus
 * and one decimal point are kept so the validation can say what is wrong with them.
 */
export function groupAmount(text: string): string {
  const latin = toLatinDigits(text).replace(/[٫/]/g, '.');
  const negative = /^\s*[-−]/.test(latin);
  const [whole = '', ...rest] = latin.replace(/[^0-9.]/g, '').split('.');
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, SEPARATOR);
  const fraction = rest.length > 0 ? `.${rest.join('')}` : '';
  return `${negative ? '-' : ''}${grouped}${fraction}`;
}

/**
 * An amount typed in `unit` → Rials. `undefined` when empty, `NaN` when it is not a number (both
 * refused by the shared schema).
 */
export function amountToRial(text: string, unit: MoneyUnit): number | undefined {
  const plain = toLatinDigits(text)
    .replace(/[\s,٬]/g, '')
    .replace('٫', '.')
    .replace('−', '-');
  if (plain === '') return undefined;
  if (!/^-?\d*\.?\d*$/.test(plain) || plain === '-' || plain === '.') return Number.NaN;
  return Math.round(Number(plain) * RIAL_PER[unit] * 100) / 100;
}

/** Count of digits in `text` (for keeping the caret in place while regrouping). */
export function digitCount(text: string): number {
  return (toLatinDigits(text).match(/\d/g) ?? []).length;
}

/**
 * An amount typed in `unit`, read for a call: Rials, or a Persian problem when the text is empty
 * or not a number. Negative and fractional amounts go through as typed, so the core's shared
 * schema refuses them in its own words (one set of messages for every screen).
 */
export function readAmount(
  text: string,
  unit: MoneyUnit,
  label = 'مبلغ',
): { rial: number; problem?: undefined } | { rial?: undefined; problem: string } {
  const rial = amountToRial(text, unit);
  if (rial === undefined)
    return { problem: `${label} را به ${MONEY_UNIT_LABELS[unit]} وارد کنید.` };
  if (Number.isNaN(rial)) return { problem: `${label} را به عدد وارد کنید.` };
  return { rial };
}

/** Basis points → the percent people type (`7000` → `70`, `1250` → `12.5`). */
export function bpToPercentText(bp: number): string {
  return String(bp / 100);
}

/**
 * A percent as typed → basis points; `undefined` when empty, `NaN` when it is not a number or has
 * more than two decimals (a basis point is 1/100 %). Range checks are the core's.
 */
export function percentToBp(text: string): number | undefined {
  const plain = toLatinDigits(text)
    .replace(/[\s%٪]/g, '')
    .replace('٫', '.')
    .replace('−', '-');
  if (plain === '') return undefined;
  if (!/^-?\d+(\.\d{1,2})?$/.test(plain)) return Number.NaN;
  return Math.round(Number(plain) * 100);
}

/** `7000` → «۷۰٪». */
export function percentText(bp: number): string {
  return `${faNumber.format(bp / 100)}٪`;
}

/**
 * An invoice number (`12-3`) for display: Persian digits, kept left to right. Persian digits are
 * written out because the font draws Latin ones inside a left-to-right isolate as Latin.
 */
export function invoiceNumberText(number: string): string {
  return ltr(toPersianDigits(number));
}
