/**
 * Portal accounts (P1–P3, P6–P8, S4): three-step registration (SMS code → one-use ticket → details
 * with consent to a policy version), email verification, login and logout with rotating session
 * tokens, password reset by SMS code, password change, profile, saved people, and closing the
 * account. One-time codes are otp/one-time-codes.ts; the ticket of step 2 is its proof, spent in
 * the same transaction that creates the account, so a refused step 3 leaves the ticket usable.
 */
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidFields } from '../../../shared/api/errors';
import { hashPassword, verifyPassword } from '../../../shared/auth/password';
import {
  MIN_AGE_YEARS,
  type PortalAccount,
  type PortalPerson,
  type personSchema,
  type profileSchema,
  type registerFinishSchema,
} from '../../../shared/portal/contract';
import { ageOn, todayInTehran } from '../../../shared/time/dates';
import type { z } from 'zod';
import { consumeProofIn, startCode, verifyCode, type VerifiedCode } from '../otp/one-time-codes';
import { rateLimited } from '../http/errors';
import type { PortalAccountRecord } from '../store/portal-store';
import type { PortalDeps } from './deps';
import { newToken, SESSION_DAYS, sha256 } from './http-session';
import { acceptableVersions } from './policy';

const UNDER_AGE = `ثبت‌نام برای افراد زیر ${MIN_AGE_YEARS.toLocaleString('fa-IR')} سال ممکن نیست.`;
const FUTURE_BIRTH = 'تاریخ تولد نمی‌تواند در آینده یا پیش از ۱۹۰۰ باشد.';
const MOBILE_TAKEN =
  'با این شمارهٔ همراه پیش‌تر ثبت‌نام شده است؛ وارد شوید یا گذرواژه را بازیابی کنید.';
const NATIONAL_ID_TAKEN = 'با این کد ملی پیش‌تر حساب دیگری ساخته شده است.';
const POLICY = 'نسخهٔ سیاست حفظ حریم خصوصی که پذیرفتید دیگر معتبر نیست؛ صفحه را دوباره باز کنید.';
const BAD_LOGIN = 'شمارهٔ همراه یا گذرواژه درست نیست.';
const BAD_PASSWORD = 'گذرواژه درست نیست.';
const NO_EMAIL = 'ابتدا نشانی ایمیل را در مشخصات خود وارد کنید.';
const PERSON_TAKEN = 'فردی با این کد ملی پیش‌تر در فهرست شما ذخیره شده است.';
const PERSON_SELF = 'این کد ملی خود شماست؛ برای خودتان «نوبت برای خودم» را انتخاب کنید.';
const MAX_PEOPLE = 20;
const TOO_MANY_PEOPLE = `حداکثر ${MAX_PEOPLE.toLocaleString('fa-IR')} نفر را می‌توانید ذخیره کنید.`;

export function accountView(a: PortalAccountRecord): PortalAccount {
  return {
    id: a.id,
    firstName: a.firstName,
    lastName: a.lastName,
    mobile: a.mobile,
    nationalId: a.nationalId,
    gender: a.gender,
    birthDate: a.birthDate,
    email: a.email,
    emailVerified: a.emailVerified,
  };
}

export function personView(p: {
  id: string;
  firstName: string;
  lastName: string;
  nationalId: string;
  mobile: string;
  relation: string;
}): PortalPerson {
  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    nationalId: p.nationalId,
    mobile: p.mobile,
    relation: p.relation,
  };
}

/** P2: refuses an under-18 (or impossible) birth date with a stable reason. */
export function checkBirthDate(birthDate: string, now: Date): void {
  const today = todayInTehran(now);
  if (birthDate > today || birthDate < '1900-01-01') {
    throw new AppError('invalid', FUTURE_BIRTH, {
      reason: 'bad-birth-date',
      fields: { birthDate: FUTURE_BIRTH },
    });
  }
  if (ageOn(birthDate, today) < MIN_AGE_YEARS) {
    throw new AppError('invalid', UNDER_AGE, {
      reason: 'under-age',
      fields: { birthDate: UNDER_AGE },
    });
  }
}

export interface SignedIn {
  account: PortalAccountRecord;
  /** The new session cookie's token (the caller sets the cookie). */
  token: string;
}

function sessionRow(accountId: string, now: Date) {
  const token = newToken();
  return {
    token,
    row: {
      tokenHash: sha256(token),
      accountId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
    },
  };
}

/** Step 1: an SMS code to a mobile that has no account yet. */
export async function registerStart(deps: PortalDeps, mobile: string, ip: string) {
  if (await deps.path.store.portal.getAccountByMobile(mobile)) {
    throw new AppError('conflict', MOBILE_TAKEN, {
      reason: 'mobile-taken',
      fields: { mobile: MOBILE_TAKEN },
    });
  }
  const sent = await startCode(deps.otp, { purpose: 'portal-mobile', to: mobile }, ip);
  return { sentTo: sent.sentTo, expiresAt: sent.expiresAt };
}

/** Step 2: the code proves the mobile; the one-use proof is the registration ticket. */
export async function registerVerifyMobile(deps: PortalDeps, mobile: string, code: string) {
  const verified: VerifiedCode = await verifyCode(deps.otp, {
    purpose: 'portal-mobile',
    to: mobile,
    code,
  });
  return { ticket: verified.proof, expiresAt: verified.expiresAt };
}

/** Step 3: creates the account and signs it in, spending the ticket in the same transaction. */
export async function registerFinish(
  deps: PortalDeps,
  input: z.output<typeof registerFinishSchema>,
): Promise<SignedIn> {
  const { store } = deps.path;
  const now = deps.path.now();
  checkBirthDate(input.birthDate, now);
  if (!(await acceptableVersions(store, now)).includes(input.acceptedPolicyVersion)) {
    throw new AppError('invalid', POLICY, {
      reason: 'policy-version',
      fields: { acceptedPolicyVersion: POLICY },
    });
  }
  const passwordHash = await hashPassword(input.password, deps.passwordIterations);
  return store.write(async (tx) => {
    if (await tx.portal.getAccountByNationalId(input.nationalId)) {
      throw new AppError('conflict', NATIONAL_ID_TAKEN, {
        reason: 'national-id-taken',
        fields: { nationalId: NATIONAL_ID_TAKEN },
      });
    }
    const mobile = await consumeProofIn(tx, input.ticket, 'portal-mobile', now);
    if (await tx.portal.getAccountByMobile(mobile)) {
      throw new AppError('conflict', MOBILE_TAKEN, { reason: 'mobile-taken' });
    }
    const at = now.toISOString();
    const account: PortalAccountRecord = {
      id: uuidv7(),
      mobile,
      nationalId: input.nationalId,
      firstName: input.firstName,
      lastName: input.lastName,
      gender: input.gender,
      birthDate: input.birthDate,
      email: input.email.toLowerCase(),
      emailVerified: false,
      passwordHash,
      heardFrom: input.heardFrom,
      policyVersion: input.acceptedPolicyVersion,
      consentedAt: at,
      createdAt: at,
      updatedAt: at,
    };
    await tx.portal.insertAccount(account);
    const session = sessionRow(account.id, now);
    await tx.portal.insertSession(session.row);
    return { account, token: session.token };
  });
}

let unknownAccountHash: Promise<string> | null = null;

/** Failed logins of one mobile (from any IP) allowed per window before it is refused a while. */
export const MAX_LOGIN_FAILURES = 10;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60_000;

export async function login(deps: PortalDeps, mobile: string, password: string): Promise<SignedIn> {
  const { store } = deps.path;
  const now = deps.path.now();
  const since = new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS).toISOString();
  if ((await store.portal.countLoginFailures(mobile, since)) >= MAX_LOGIN_FAILURES) {
    throw rateLimited(LOGIN_FAILURE_WINDOW_MS / 1000);
  }
  const account = await store.portal.getAccountByMobile(mobile);
  // The same answer, after the same hashing work, whether or not the mobile has an account.
  unknownAccountHash ??= hashPassword(newToken(), deps.passwordIterations);
  const ok = await verifyPassword(password, account?.passwordHash ?? (await unknownAccountHash));
  if (!account || !ok) {
    await store.write((tx) => tx.portal.addLoginFailure(mobile, now.toISOString(), since));
    throw new AppError('unauthorized', BAD_LOGIN, { reason: 'bad-login' });
  }
  const session = sessionRow(account.id, now);
  await store.write(async (tx) => {
    await tx.portal.clearLoginFailures(mobile);
    await tx.portal.insertSession(session.row);
  });
  return { account, token: session.token };
}

export async function logout(deps: PortalDeps, token: string | null): Promise<void> {
  if (token) await deps.path.store.write((tx) => tx.portal.deleteSession(sha256(token)));
}

/** P7 step 1: a code to the mobile if it has an account; the answer is the same either way. */
export async function resetStart(deps: PortalDeps, mobile: string, ip: string) {
  const account = await deps.path.store.portal.getAccountByMobile(mobile);
  if (!account) return { sent: true };
  await startCode(deps.otp, { purpose: 'password-reset', to: mobile }, ip);
  return { sent: true };
}

/** P7 step 2: the code sets a new password and ends every session of the account. */
export async function resetFinish(
  deps: PortalDeps,
  input: { mobile: string; code: string; password: string },
): Promise<void> {
  const verified = await verifyCode(deps.otp, {
    purpose: 'password-reset',
    to: input.mobile,
    code: input.code,
  });
  const passwordHash = await hashPassword(input.password, deps.passwordIterations);
  const now = deps.path.now();
  await deps.path.store.write(async (tx) => {
    const mobile = await consumeProofIn(tx, verified.proof, 'password-reset', now);
    const account = await tx.portal.getAccountByMobile(mobile);
    if (!account) throw new AppError('not-found', BAD_LOGIN, { reason: 'no-account' });
    await tx.portal.updateAccount(account.id, { passwordHash, updatedAt: now.toISOString() });
    await tx.portal.deleteSessionsOf(account.id);
  });
}

async function checkPassword(account: PortalAccountRecord, password: string, field: string) {
  if (!(await verifyPassword(password, account.passwordHash))) {
    throw new AppError('invalid', BAD_PASSWORD, {
      reason: 'wrong-password',
      fields: { [field]: BAD_PASSWORD },
    });
  }
}

/** Changes the password; other sessions end, this one goes on with a new token. */
export async function changePassword(
  deps: PortalDeps,
  account: PortalAccountRecord,
  input: { current: string; password: string },
): Promise<SignedIn> {
  await checkPassword(account, input.current, 'current');
  const passwordHash = await hashPassword(input.password, deps.passwordIterations);
  const now = deps.path.now();
  const session = sessionRow(account.id, now);
  await deps.path.store.write(async (tx) => {
    await tx.portal.updateAccount(account.id, { passwordHash, updatedAt: now.toISOString() });
    await tx.portal.deleteSessionsOf(account.id);
    await tx.portal.insertSession(session.row);
  });
  return { account, token: session.token };
}

/** P8: the portal login and personal profile go; the centers keep their own records. */
export async function closeAccount(
  deps: PortalDeps,
  account: PortalAccountRecord,
  password: string,
): Promise<void> {
  await checkPassword(account, password, 'password');
  await deps.path.store.write((tx) => tx.portal.deleteAccount(account.id));
}

export async function updateProfile(
  deps: PortalDeps,
  account: PortalAccountRecord,
  input: z.output<typeof profileSchema>,
): Promise<PortalAccount> {
  const now = deps.path.now();
  checkBirthDate(input.birthDate, now);
  const email = input.email.toLowerCase();
  await deps.path.store.write((tx) =>
    tx.portal.updateAccount(account.id, {
      firstName: input.firstName,
      lastName: input.lastName,
      gender: input.gender,
      birthDate: input.birthDate,
      email,
      // A changed address must be verified again.
      ...(email !== account.email ? { emailVerified: false } : {}),
      updatedAt: now.toISOString(),
    }),
  );
  const updated = await deps.path.store.portal.getAccount(account.id);
  return accountView(updated!);
}

export async function sendEmailCode(deps: PortalDeps, account: PortalAccountRecord, ip: string) {
  if (!account.email) throw invalidFields({ email: NO_EMAIL }, NO_EMAIL);
  const sent = await startCode(deps.otp, { purpose: 'portal-email', to: account.email }, ip);
  return { sentTo: sent.sentTo, expiresAt: sent.expiresAt };
}

export async function verifyEmail(
  deps: PortalDeps,
  account: PortalAccountRecord,
  code: string,
): Promise<PortalAccount> {
  if (!account.email) throw invalidFields({ email: NO_EMAIL }, NO_EMAIL);
  const verified = await verifyCode(deps.otp, {
    purpose: 'portal-email',
    to: account.email,
    code,
  });
  const now = deps.path.now();
  await deps.path.store.write(async (tx) => {
    const address = await consumeProofIn(tx, verified.proof, 'portal-email', now);
    const current = await tx.portal.getAccount(account.id);
    // The address changed while the code was on its way: the code proved the old one.
    if (!current || current.email !== address) throw invalidFields({ email: NO_EMAIL });
    await tx.portal.updateAccount(account.id, {
      emailVerified: true,
      updatedAt: now.toISOString(),
    });
  });
  return accountView((await deps.path.store.portal.getAccount(account.id))!);
}

/** P6: saves someone the holder books for. */
export async function addPerson(
  deps: PortalDeps,
  account: PortalAccountRecord,
  input: z.output<typeof personSchema>,
): Promise<PortalPerson> {
  if (input.nationalId === account.nationalId) {
    throw invalidFields({ nationalId: PERSON_SELF }, PERSON_SELF);
  }
  const person = {
    id: uuidv7(),
    accountId: account.id,
    firstName: input.firstName,
    lastName: input.lastName,
    nationalId: input.nationalId,
    mobile: input.mobile,
    gender: input.gender,
    relation: input.relation,
    createdAt: deps.path.now().toISOString(),
  };
  await deps.path.store.write(async (tx) => {
    const people = await tx.portal.listPeople(account.id);
    if (people.some((p) => p.nationalId === input.nationalId)) {
      throw new AppError('conflict', PERSON_TAKEN, { fields: { nationalId: PERSON_TAKEN } });
    }
    if (people.length >= MAX_PEOPLE) throw invalidFields({ nationalId: TOO_MANY_PEOPLE });
    await tx.portal.insertPerson(person);
  });
  return personView(person);
}
