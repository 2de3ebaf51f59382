/**
 * One-time enrollment codes: 6 digits, stored only as a hash, valid 5 minutes, at most 5 tries,
 * at most 3 sent per mobile per 10 minutes.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { toLatinDigits } from '../../../shared/text/normalize';

export const CODE_DIGITS = 6;
export const CODE_TTL_MS = 5 * 60_000;
export const MAX_CODE_ATTEMPTS = 5;
export const MAX_CODES_PER_WINDOW = 3;
export const CODE_WINDOW_MS = 10 * 60_000;

export function newCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

/** Bound to the enrollment, so one code's hash says nothing about another enrollment's. */
export function hashCode(enrollmentId: string, code: string): string {
  return createHash('sha256').update(`${enrollmentId}:${code}`, 'utf8').digest('hex');
}

/** Compares what a person typed (Persian digits and spaces allowed) with the stored hash. */
export function codeMatches(enrollmentId: string, typed: string, storedHash: string): boolean {
  const code = toLatinDigits(typed).replace(/\s/g, '');
  const actual = Buffer.from(hashCode(enrollmentId, code), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
