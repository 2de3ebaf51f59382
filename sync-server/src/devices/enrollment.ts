/**
 * Enrolling a desk to a center: a manager's mobile + password, then a one-time code sent by SMS,
 * then a device token (shown once; the server keeps its hash). Revoking takes the manager's
 * credentials again.
 */
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/api/errors';
import type { Staff } from '../../../shared/domain/staff';
import { mobileLocal } from '../../../shared/text/identity';
import type { EnrollFinishResponse, EnrollStartResponse } from '../../../shared/sync/protocol';
import type { LicenceIssuer } from '../licence/issuer';
import { checkChallenge, checkCodeQuota, hashIp, issueCode, wrongCode } from '../otp/codes';
import { sendCodeSms } from '../otp/send-code';
import type { SmsProviders } from '../sms/sms-providers';
import type { SyncStore } from '../store/sync-store';
import { WRONG_CREDENTIALS, verifyManagers } from './manager-login';
import { hashToken, newDeviceToken } from './tokens';

export interface EnrollmentDeps {
  store: SyncStore;
  /** The code goes through the center's SMS provider (the system one if it has none). */
  sms: SmsProviders;
  now: () => Date;
  licences: LicenceIssuer;
}

const CHOOSE_CENTER = 'این شماره مدیر چند مرکز است؛ مرکز را انتخاب کنید.';
const UNKNOWN = 'این درخواست ثبت دستگاه معتبر نیست؛ دوباره کد بگیرید.';
const NO_LONGER_MANAGER = 'این شماره دیگر مدیر فعال این مرکز نیست.';
const DEVICE_NOT_FOUND = 'این دستگاه در مرکز شما پیدا نشد.';

/** `+989121234567` → `0912***4567`. */
export function maskMobile(mobile: string): string {
  const local = mobileLocal(mobile);
  return `${local.slice(0, 4)}***${local.slice(-4)}`;
}

function smsText(code: string, deviceName: string, centerName: string): string {
  return `کد ثبت دستگاه «${deviceName}» در ${centerName}: ${code}\nاین کد را به هیچ‌کس ندهید.`;
}

export async function startEnrollment(
  deps: EnrollmentDeps,
  input: { mobile: string; password: string; deviceName: string; centerId?: string | undefined },
  ip: string,
): Promise<EnrollStartResponse> {
  let managers = await verifyManagers(deps.store, input.mobile, input.password);
  if (input.centerId !== undefined)
    managers = managers.filter((m) => m.centerId === input.centerId);
  if (managers.length === 0) throw new AppError('unauthorized', WRONG_CREDENTIALS);
  if (managers.length > 1) {
    throw new AppError('invalid', CHOOSE_CENTER, {
      reason: 'choose-center',
      centers: managers.map((m) => ({ centerId: m.centerId, centerName: m.centerName })),
    });
  }
  const manager = managers[0]!;
  const now = deps.now();
  const id = randomUUID();
  const { code, codeHash, expiresAt } = issueCode(id, now);
  await deps.store.write(async (tx) => {
    await checkCodeQuota(
      tx,
      { subject: manager.mobile, ipHash: hashIp(ip), purpose: 'enrollment' },
      now,
    );
    await tx.insertEnrollment({
      id,
      mobile: manager.mobile,
      staffId: manager.staff.id,
      centerId: manager.centerId,
      deviceName: input.deviceName,
      codeHash,
      createdAt: now.toISOString(),
      expiresAt,
      attempts: 0,
      consumedAt: null,
    });
  });
  await sendCodeSms(await deps.sms.forCenter(manager.centerId), {
    to: manager.mobile,
    text: smsText(code, input.deviceName, manager.centerName),
    tag: 'enrollment-code',
  });
  return { enrollmentId: id, sentTo: maskMobile(manager.mobile), expiresAt };
}

type FinishOutcome = { ok: true; response: EnrollFinishResponse } | { ok: false; attempts: number };

export async function finishEnrollment(
  deps: EnrollmentDeps,
  input: { enrollmentId: string; code: string },
): Promise<EnrollFinishResponse> {
  const now = deps.now();
  // Returns instead of throwing on a wrong code: the added attempt must be committed.
  const outcome = await deps.store.write<FinishOutcome>(async (tx) => {
    const e = await tx.getEnrollment(input.enrollmentId);
    const unknown = new AppError('invalid', UNKNOWN, { reason: 'unknown-enrollment' });
    if (!e) throw unknown;
    if (!checkChallenge(e, input.code, now, unknown)) {
      return { ok: false, attempts: await tx.addEnrollmentAttempt(e.id) };
    }
    const staffDoc = (await tx.getDocuments('staff', [e.staffId])).get(e.staffId);
    const staff = staffDoc?.data as Staff | undefined;
    if (!staffDoc || staffDoc.deleted || staff?.kind !== 'manager' || staff.active !== true) {
      throw new AppError('forbidden', NO_LONGER_MANAGER);
    }
    const center = (await tx.getDocuments('center', [e.centerId])).get(e.centerId);
    const deviceId = uuidv7();
    const deviceToken = newDeviceToken();
    const deviceNumber = (await tx.countDevices(e.centerId)) + 1;
    await tx.insertDevice({
      id: deviceId,
      centerId: e.centerId,
      name: e.deviceName,
      tokenHash: hashToken(deviceToken),
      createdAt: now.toISOString(),
      revokedAt: null,
      lastSeenAt: null,
      enrolledBy: e.staffId,
    });
    await tx.consumeEnrollment(e.id, now.toISOString());
    const licence = await deps.licences.current(tx, e.centerId);
    return {
      ok: true,
      response: {
        deviceId,
        deviceToken,
        centerId: e.centerId,
        centerName: typeof center?.data.name === 'string' ? center.data.name : '',
        managerStaffId: e.staffId,
        deviceNumber,
        licenceKey: deps.licences.publicKey,
        licence: licence.signed,
      },
    };
  });
  if (!outcome.ok) throw wrongCode(outcome.attempts);
  return outcome.response;
}

export async function revokeDevice(
  deps: EnrollmentDeps,
  input: { mobile: string; password: string; deviceId: string },
): Promise<{ deviceId: string; revokedAt: string }> {
  const managers = await verifyManagers(deps.store, input.mobile, input.password);
  const device = await deps.store.getDevice(input.deviceId);
  // Another center's device is "not found" too: a manager learns nothing about other centers.
  if (!device || !managers.some((m) => m.centerId === device.centerId)) {
    throw new AppError('not-found', DEVICE_NOT_FOUND);
  }
  const at = device.revokedAt ?? deps.now().toISOString();
  await deps.store.write(async (tx) => {
    await tx.revokeDevice(device.id, at);
    // Its staff sessions free their seats now rather than when their heartbeats lapse.
    await tx.closeDeviceSessions(device.id, at);
  });
  return { deviceId: device.id, revokedAt: at };
}

/** Issues a device directly (tests and operator tooling; desks enroll through the code). */
export async function issueDevice(
  store: SyncStore,
  input: { centerId: string; name: string; enrolledBy: string; now?: Date },
): Promise<{ deviceId: string; deviceToken: string }> {
  const deviceId = uuidv7();
  const deviceToken = newDeviceToken();
  await store.write((tx) =>
    tx.insertDevice({
      id: deviceId,
      centerId: input.centerId,
      name: input.name,
      tokenHash: hashToken(deviceToken),
      createdAt: (input.now ?? new Date()).toISOString(),
      revokedAt: null,
      lastSeenAt: null,
      enrolledBy: input.enrolledBy,
    }),
  );
  return { deviceId, deviceToken };
}
