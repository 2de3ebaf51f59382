/**
 * Opening a center account (C1): the center's name and type, the manager's gender, name, mobile
 * and password; the mobile is verified with a one-time SMS code (the same codes and limits as
 * desk enrollment), then the center and its manager are created through {@link createCenter}
 * with the center's first licence, in one transaction. One person may manage several centers.
 */
import { randomUUID } from 'node:crypto';
import { AppError, invalidFields } from '../../../shared/api/errors';
import { hashPassword, passwordProblem } from '../../../shared/auth/password';
import { CENTER_TYPES, type CenterType } from '../../../shared/domain/center';
import { parseMobile } from '../../../shared/text/identity';
import { tidyPersian } from '../../../shared/text/normalize';
import type {
  SignupFinishResponse,
  SignupStartResponse,
  signupStartSchema,
} from '../../../shared/sync/protocol';
import type { z } from 'zod';
import { createCenter } from '../centers/create-center';
import { maskMobile } from '../devices/enrollment';
import { rateLimited } from '../http/errors';
import type { LicenceIssuer } from '../licence/issuer';
import { checkChallenge, checkCodeQuota, hashIp, issueCode, wrongCode } from '../otp/codes';
import { sendCodeSms } from '../otp/send-code';
import type { SmsProviders } from '../sms/sms-providers';
import type { ChangeFeed } from '../replication/change-feed';
import type { SyncStore } from '../store/sync-store';

export interface SignupDeps {
  store: SyncStore;
  /** There is no center yet: the code goes through the system SMS provider. */
  sms: SmsProviders;
  now: () => Date;
  licences: LicenceIssuer;
  feed: ChangeFeed;
  /** PBKDF2 iterations of the manager's password hash; only tests lower it. */
  passwordIterations?: number;
}

/** Sign-ups one IP may start per hour: a clinic's network opens one or two centers, not dozens. */
export const MAX_SIGNUPS_PER_IP_HOUR = 10;
const HOUR_MS = 3_600_000;
/** Unfinished sign-ups (and the password hashes they hold) are deleted after a day. */
const PRUNE_AFTER_MS = 24 * HOUR_MS;

const UNKNOWN = 'این درخواست ثبت مرکز معتبر نیست؛ دوباره کد بگیرید.';

type SignupInput = z.infer<typeof signupStartSchema>;

interface CheckedSignup {
  centerName: string;
  centerType: CenterType;
  city: string;
  mobile: string;
}

function isCenterType(value: string): value is CenterType {
  return (CENTER_TYPES as readonly string[]).includes(value);
}

/** The checks a person fixes in the form: one Persian message per field. */
function checkInput(input: SignupInput): CheckedSignup {
  const fields: Record<string, string> = {};
  const centerName = tidyPersian(input.centerName);
  if (centerName === '') fields.centerName = 'نام مرکز را وارد کنید.';
  if (!isCenterType(input.centerType)) fields.centerType = 'نوع مرکز را انتخاب کنید.';
  if (tidyPersian(input.manager.firstName) === '')
    fields['manager.firstName'] = 'نام را وارد کنید.';
  if (tidyPersian(input.manager.lastName) === '') {
    fields['manager.lastName'] = 'نام خانوادگی را وارد کنید.';
  }
  const mobile = parseMobile(input.manager.mobile);
  if (!mobile) {
    fields['manager.mobile'] = 'شمارهٔ همراه معتبر نیست؛ مانند ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید.';
  }
  const problem = passwordProblem(input.manager.password);
  if (problem) fields['manager.password'] = problem;
  if (Object.keys(fields).length > 0 || !mobile || !isCenterType(input.centerType)) {
    throw invalidFields(fields, 'اطلاعات ثبت مرکز کامل یا درست نیست.');
  }
  return { centerName, centerType: input.centerType, city: tidyPersian(input.city ?? ''), mobile };
}

function smsText(code: string, centerName: string): string {
  return `کد تأیید ثبت «${centerName}»: ${code}\nاین کد را به هیچ‌کس ندهید.`;
}

export async function startSignup(
  deps: SignupDeps,
  input: SignupInput,
  ip: string,
): Promise<SignupStartResponse> {
  const checked = checkInput(input);
  const now = deps.now();
  // Hashed now, so the password is never stored in clear, not even until the code comes back.
  const passwordHash = await hashPassword(input.manager.password, deps.passwordIterations);
  const id = randomUUID();
  const { code, codeHash, expiresAt } = issueCode(id, now);
  const ipHash = hashIp(ip);
  await deps.store.write(async (tx) => {
    await checkCodeQuota(tx, { subject: checked.mobile, ipHash, purpose: 'signup' }, now);
    const hourAgo = new Date(now.getTime() - HOUR_MS).toISOString();
    if ((await tx.countSignupsSince({ ipHash }, hourAgo)) >= MAX_SIGNUPS_PER_IP_HOUR) {
      throw rateLimited(HOUR_MS / 1000);
    }
    await tx.pruneSignups(new Date(now.getTime() - PRUNE_AFTER_MS).toISOString());
    await tx.insertSignup({
      id,
      mobile: checked.mobile,
      ipHash,
      centerName: checked.centerName,
      centerType: checked.centerType,
      city: checked.city,
      managerGender: input.manager.gender,
      managerFirstName: tidyPersian(input.manager.firstName),
      managerLastName: tidyPersian(input.manager.lastName),
      passwordHash,
      codeHash,
      createdAt: now.toISOString(),
      expiresAt,
      attempts: 0,
      consumedAt: null,
      centerId: null,
    });
  });
  await sendCodeSms(deps.sms.system, {
    to: checked.mobile,
    text: smsText(code, checked.centerName),
    tag: 'signup-code',
  });
  return { signupId: id, sentTo: maskMobile(checked.mobile), expiresAt };
}

export async function finishSignup(
  deps: SignupDeps,
  input: { signupId: string; code: string },
): Promise<SignupFinishResponse> {
  const now = deps.now();
  const unknown = new AppError('invalid', UNKNOWN, { reason: 'unknown-signup' });
  // A wrong code's attempt is committed on its own; the center is created in a second
  // transaction that marks the sign-up used only if nobody did meanwhile.
  const checked = await deps.store.write(async (tx) => {
    const signup = await tx.getSignup(input.signupId);
    if (!signup) throw unknown;
    if (checkChallenge(signup, input.code, now, unknown)) return { ok: true as const, signup };
    return { ok: false as const, attempts: await tx.addSignupAttempt(signup.id) };
  });
  if (!checked.ok) throw wrongCode(checked.attempts);
  const { signup } = checked;
  if (!isCenterType(signup.centerType)) throw unknown;
  return createCenter(
    deps.store,
    {
      name: signup.centerName,
      type: signup.centerType,
      city: signup.city,
      manager: {
        firstName: signup.managerFirstName,
        lastName: signup.managerLastName,
        mobile: signup.mobile,
        gender: signup.managerGender,
        passwordHash: signup.passwordHash,
      },
    },
    {
      feed: deps.feed,
      now: () => now,
      alongside: async (tx, created) => {
        if (!(await tx.finishSignup(signup.id, now.toISOString(), created.centerId))) throw unknown;
        await deps.licences.issue(tx, created.centerId, deps.licences.defaultTerms());
      },
    },
  );
}
