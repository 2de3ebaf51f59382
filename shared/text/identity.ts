/**
 * Iranian national id (کد ملی) and mobile numbers: parsing what people type into one canonical form.
 */
import { verifyIranianNationalId } from '@persian-tools/persian-tools';
import { toLatinDigits } from './normalize';

/** Digits only, Latin, from whatever the person typed (spaces, dashes, Persian digits). */
function digitsOf(text: string): string {
  return toLatinDigits(text).replace(/[\s\-_.()]/g, '');
}

/**
 * Returns the 10-digit national id, or null when it is not valid. The checksum is verified; the
 * city-prefix table is not consulted (new prefixes keep being issued).
 */
export function parseNationalId(text: string): string | null {
  const digits = digitsOf(text);
  if (!/^\d{8,10}$/.test(digits)) return null;
  // Older cards drop leading zeros; the id is always 10 digits.
  const id = digits.padStart(10, '0');
  return verifyIranianNationalId(id, { checkPrefix: false }) ? id : null;
}

/**
 * Returns an Iranian mobile number in the form +989XXXXXXXXX, or null. Accepts 09…, 9…, +989…,
 * 00989…, 989… and Persian or Arabic-Indic digits.
 */
export function parseMobile(text: string): string | null {
  let digits = digitsOf(text);
  if (digits.startsWith('+98')) digits = digits.slice(3);
  else if (digits.startsWith('0098')) digits = digits.slice(4);
  else if (digits.startsWith('98') && digits.length === 12) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  return /^9\d{9}$/.test(digits) ? `+98${digits}` : null;
}

/** `+989121234567` → `09121234567`, the form Iranians read and type. */
export function mobileLocal(mobile: string): string {
  return mobile.startsWith('+98') ? `0${mobile.slice(3)}` : mobile;
}

/** Shows only the last 4 digits of a national id: `******1234`. */
export function maskNationalId(id: string): string {
  return id.length <= 4 ? id : `${'*'.repeat(id.length - 4)}${id.slice(-4)}`;
}
