/**
 * One-time codes for the patient portal (P1 mobile and email verification, P7 password reset),
 * with the same hardening as enrollment and sign-up (codes.ts): 6 digits, hashed, 5 minutes, 5
 * tries, 3 per number or address per 10 minutes and 20 per IP per hour across every purpose.
 * SMS codes go through the system SMS provider, email codes through the mailer.
 *
 * The portal's routes (a later issue) call these: {@link startCode} sends a code; {@link
 * verifyCode} checks it (by challenge id, or by purpose + mobile/address: the newest challenge)
 * and answers a one-use proof; {@link consumeProof} spends the proof in the step it unlocks
 * (creating the account, setting the new password), once. The proof is stored only as a hash.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError, invalidFields } from '../../../shared/api/errors';
import { parseMobile } from '../../../shared/text/identity';
import { OTP_PROOF_TTL_MS, type OtpStartResponse } from '../../../shared/sync/protocol';
import type { OTP_PURPOSES } from '../../../shared/sync/protocol';
import { maskMobile } from '../devices/enrollment';
import type { Mailer } from '../mail/mailer';
import type { SmsProviders } from '../sms/sms-providers';
import type { StoreTransaction, SyncStore } from '../store/sync-store';
import type { OtpChallengeRecord } from '../store/work-store';
import { checkChallenge, checkCodeQuota, hashIp, issueCode, wrongCode } from './codes';
import { sendCodeSms } from './send-code';

export type OtpPurpose = (typeof OTP_PURPOSES)[number];

export interface OtpDeps {
  store: SyncStore;
  now: () => Date;
  sms: SmsProviders;
  mailer: Mailer;
}

const UNKNOWN = 'این کد معتبر نیست یا پیش‌تر به کار رفته است؛ دوباره کد بگیرید.';
const BAD_PROOF = 'تأیید شماره یا ایمیل معتبر نیست یا منقضی شده است؛ دوباره کد بگیرید.';
const BAD_EMAIL = 'نشانی ایمیل معتبر نیست.';
const BAD_MOBILE = 'شمارهٔ همراه معتبر نیست؛ مانند ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید.';
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `a***@example.com` */
export function maskEmail(address: string): string {
  const [local = '', domain = ''] = address.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/** The mobile (+989…) or lower-cased address the purpose needs; throws `invalid` otherwise. */
export function subjectFor(purpose: OtpPurpose, to: string): string {
  if (purpose === 'portal-email') {
    const address = to.trim().toLowerCase();
    if (!EMAIL.test(address)) throw invalidFields({ to: BAD_EMAIL });
    return address;
  }
  const mobile = parseMobile(to);
  if (!mobile) throw invalidFields({ to: BAD_MOBILE });
  return mobile;
}

function smsText(purpose: OtpPurpose, code: string): string {
  const what = purpose === 'password-reset' ? 'بازیابی گذرواژه' : 'تأیید شمارهٔ همراه';
  return `کد ${what}: ${code}\nاین کد ۵ دقیقه اعتبار دارد؛ آن را به هیچ‌کس ندهید.`;
}

export async function startCode(
  deps: OtpDeps,
  input: { purpose: OtpPurpose; to: string },
  ip: string,
): Promise<OtpStartResponse> {
  const subject = subjectFor(input.purpose, input.to);
  const channel = input.purpose === 'portal-email' ? 'email' : 'sms';
  const now = deps.now();
  const id = randomUUID();
  const { code, codeHash, expiresAt } = issueCode(id, now);
  const ipHash = hashIp(ip);
  await deps.store.write(async (tx) => {
    await checkCodeQuota(tx, { subject, ipHash, purpose: input.purpose }, now);
    await tx.insertOtpChallenge({
      id,
      purpose: input.purpose,
      channel,
      subject,
      ipHash,
      codeHash,
      createdAt: now.toISOString(),
      expiresAt,
      attempts: 0,
      consumedAt: null,
      proofHash: null,
      proofExpiresAt: null,
      proofUsedAt: null,
    });
  });
  if (channel === 'email') {
    await deps.mailer.send({
      to: subject,
      subject: 'کد تأیید ایمیل',
      text: `کد تأیید ایمیل شما: ${code}\nاین کد ۵ دقیقه اعتبار دارد؛ آن را به هیچ‌کس ندهید.`,
    });
  } else {
    await sendCodeSms(deps.sms.system, {
      to: subject,
      text: smsText(input.purpose, code),
      tag: input.purpose === 'password-reset' ? 'reset-code' : 'mobile-code',
    });
  }
  return {
    challengeId: id,
    sentTo: channel === 'email' ? maskEmail(subject) : maskMobile(subject),
    expiresAt,
  };
}

export interface VerifiedCode {
  challengeId: string;
  purpose: string;
  subject: string;
  proof: string;
  expiresAt: string;
}

type Outcome = { ok: true; verified: VerifiedCode } | { ok: false; attempts: number };

/** Checks a typed code; a wrong one costs a try (committed), a right one answers a proof. */
export async function verifyCode(
  deps: OtpDeps,
  input: { challengeId: string; code: string } | { purpose: OtpPurpose; to: string; code: string },
): Promise<VerifiedCode> {
  const now = deps.now();
  const unknown = new AppError('invalid', UNKNOWN, { reason: 'unknown-challenge' });
  const outcome = await deps.store.write<Outcome>(async (tx) => {
    let challenge: OtpChallengeRecord | null;
    if ('challengeId' in input) {
      challenge = await tx.getOtpChallenge(input.challengeId);
    } else {
      challenge = await tx.latestOtpChallenge(input.purpose, subjectFor(input.purpose, input.to));
    }
    if (!challenge) throw unknown;
    if (!checkChallenge(challenge, input.code, now, unknown)) {
      return { ok: false, attempts: await tx.addOtpAttempt(challenge.id) };
    }
    const proof = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + OTP_PROOF_TTL_MS).toISOString();
    if (
      !(await tx.consumeOtpChallenge(challenge.id, now.toISOString(), {
        hash: sha256(proof),
        expiresAt,
      }))
    ) {
      throw unknown;
    }
    return {
      ok: true,
      verified: {
        challengeId: challenge.id,
        purpose: challenge.purpose,
        subject: challenge.subject,
        proof,
        expiresAt,
      },
    };
  });
  if (!outcome.ok) throw wrongCode(outcome.attempts);
  return outcome.verified;
}

/**
 * Spends a proof of `purpose` once inside the caller's transaction (the step it unlocks commits
 * with it, or neither does); answers the verified mobile or address.
 */
export async function consumeProofIn(
  tx: StoreTransaction,
  proof: string,
  purpose: OtpPurpose,
  now: Date,
): Promise<string> {
  const challenge = await tx.findOtpByProof(sha256(proof));
  const bad = new AppError('invalid', BAD_PROOF, { reason: 'bad-proof' });
  if (!challenge || challenge.purpose !== purpose || challenge.proofExpiresAt === null) throw bad;
  if (now.getTime() >= Date.parse(challenge.proofExpiresAt)) throw bad;
  if (!(await tx.useOtpProof(challenge.id, now.toISOString()))) throw bad;
  return challenge.subject;
}

/** Spends a proof of `purpose` once; answers the verified mobile or address. */
export async function consumeProof(
  deps: OtpDeps,
  proof: string,
  purpose: OtpPurpose,
): Promise<string> {
  const now = deps.now();
  return deps.store.write((tx) => consumeProofIn(tx, proof, purpose, now));
}
