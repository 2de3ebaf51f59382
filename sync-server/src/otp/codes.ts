/**
 * One-time codes for every use — enrolling a desk, signing up a center, and the patient portal's
 * mobile and email verification and password reset (one-time-codes.ts): 6 digits, stored only as
 * a hash bound to their request, valid 5 minutes, at most 5 tries; at most 3 codes per number (or
 * address) per 10 minutes and 20 per IP per hour, counted over every purpose together in the
 * `code_sends` log, so no purpose can be used to flood a phone or to spray codes from one place.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import { toLatinDigits } from '../../../shared/text/normalize';
import { rateLimited } from '../http/errors';
import type { StoreTransaction } from '../store/sync-store';

export const CODE_DIGITS = 6;
export const CODE_TTL_MS = 5 * 60_000;
export const MAX_CODE_ATTEMPTS = 5;
export const MAX_CODES_PER_WINDOW = 3;
export const CODE_WINDOW_MS = 10 * 60_000;
export const MAX_CODES_PER_IP_HOUR = 20;
const HOUR_MS = 3_600_000;

export const CODE_EXPIRED = 'زمان این کد گذشته است؛ دوباره کد بگیرید.';
export const CODE_EXHAUSTED = 'تعداد تلاش‌ها برای این کد تمام شده است؛ دوباره کد بگیرید.';
export const WRONG_CODE = 'کد واردشده درست نیست.';

export function newCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

/** Bound to the request, so one code's hash says nothing about another request's. */
export function hashCode(requestId: string, code: string): string {
  return createHash('sha256').update(`${requestId}:${code}`, 'utf8').digest('hex');
}

/** Compares what a person typed (Persian digits and spaces allowed) with the stored hash. */
export function codeMatches(requestId: string, typed: string, storedHash: string): boolean {
  const code = toLatinDigits(typed).replace(/\s/g, '');
  const actual = Buffer.from(hashCode(requestId, code), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A fresh code for request `id`: the code to send, its hash to store, and its expiry. */
export function issueCode(id: string, now: Date) {
  const code = newCode();
  return {
    code,
    codeHash: hashCode(id, code),
    expiresAt: new Date(now.getTime() + CODE_TTL_MS).toISOString(),
  };
}

/** SHA-256 of a client IP: enough for the per-IP limit without keeping addresses. */
export function hashIp(ip: string): string {
  return createHash('sha256').update(ip, 'utf8').digest('hex');
}

/**
 * Throws 429 when `subject` (a mobile or an email address) already got its codes for the window,
 * or the IP sent too many; otherwise logs this send. Runs in the transaction that stores the new
 * code, so parallel requests cannot both slip in.
 */
export async function checkCodeQuota(
  tx: StoreTransaction,
  send: { subject: string; ipHash: string; purpose: string },
  now: Date,
) {
  const since = new Date(now.getTime() - CODE_WINDOW_MS).toISOString();
  if ((await tx.countCodeSends({ subject: send.subject }, since)) >= MAX_CODES_PER_WINDOW) {
    throw rateLimited(Math.ceil(CODE_WINDOW_MS / 1000));
  }
  const hourAgo = new Date(now.getTime() - HOUR_MS).toISOString();
  if ((await tx.countCodeSends({ ipHash: send.ipHash }, hourAgo)) >= MAX_CODES_PER_IP_HOUR) {
    throw rateLimited(HOUR_MS / 1000);
  }
  await tx.insertCodeSend({ ...send, sentAt: now.toISOString() });
}

/** What both kinds of request keep about their code. */
export interface CodeChallenge {
  id: string;
  codeHash: string;
  expiresAt: string;
  attempts: number;
  consumedAt: string | null;
}

/**
 * Checks a typed code against its request. Throws `unknown` for an unknown or used request, and
 * the expired / out-of-tries errors; otherwise says whether it matched (on a miss the caller
 * commits the added attempt, so this returns rather than throws).
 */
export function checkChallenge(
  challenge: CodeChallenge,
  typed: string,
  now: Date,
  unknown: AppError,
): boolean {
  if (challenge.consumedAt !== null) throw unknown;
  if (now.getTime() >= Date.parse(challenge.expiresAt)) {
    throw new AppError('invalid', CODE_EXPIRED, { reason: 'expired' });
  }
  if (challenge.attempts >= MAX_CODE_ATTEMPTS) {
    throw new AppError('invalid', CODE_EXHAUSTED, { reason: 'attempts-exhausted' });
  }
  return codeMatches(challenge.id, typed, challenge.codeHash);
}

/** The answer to a wrong code, after its attempt was counted. */
export function wrongCode(attempts: number): AppError {
  return new AppError('invalid', WRONG_CODE, {
    reason: 'wrong-code',
    attemptsLeft: Math.max(0, MAX_CODE_ATTEMPTS - attempts),
    fields: { code: WRONG_CODE },
  });
}
