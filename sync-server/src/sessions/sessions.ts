/**
 * Staff sessions across a center's desks (C11): the licence's `seats` bounds how many staff are
 * logged in at once. A desk opens a session when someone logs in, sends a heartbeat every
 * SESSION_HEARTBEAT_MS and closes it on logout; a session whose heartbeat stops lapses after
 * SESSION_TTL_MS (a desk that crashed or lost the network frees its seat by itself).
 *
 * Seats count people, as C11 says ("how many staff may be logged in at once"): one person logged
 * in on two desks takes one seat. Every decision runs in one write transaction, so two desks
 * cannot both take the last seat.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import { licenceStateAt } from '../../../shared/domain/licence';
import { SESSION_TTL_MS, type SessionOpenResponse } from '../../../shared/sync/protocol';
import type { LicenceIssuer } from '../licence/issuer';
import { activeStaffOf } from '../replication/rights';
import type { SessionRecord } from '../store/setup-store';
import type { DeviceRecord, StoreTransaction, SyncStore } from '../store/sync-store';

export interface SessionDeps {
  store: SyncStore;
  now: () => Date;
  licences: LicenceIssuer;
}

export interface SessionCloseResponse {
  sessionId: string;
  closedAt: string;
}

const CANNOT_LOG_IN = 'این کارمند فعال نیست یا گذرواژهٔ ورود ندارد.';
const LICENCE_EXPIRED =
  'اعتبار پروانهٔ این مرکز به پایان رسیده است؛ برای تمدید با پشتیبانی تماس بگیرید.';
const UNKNOWN_SESSION = 'این نشست در این دستگاه پیدا نشد.';
const SESSION_ENDED = 'این نشست به پایان رسیده است؛ دوباره وارد شوید.';

function fa(n: number): string {
  return n.toLocaleString('fa-IR');
}

export function seatLimitMessage(seats: number): string {
  return `همهٔ ${fa(seats)} جایگاه ورود هم‌زمان این مرکز در حال استفاده است؛ یکی از کاربران باید خارج شود یا مدیر مرکز جایگاه بیشتری تهیه کند.`;
}

/** The staff member, if they may log in: active in the device's center and with a password. */
async function loginStaff(tx: StoreTransaction, device: DeviceRecord, staffId: string) {
  const found = (await tx.getDocuments('staff', [staffId])).get(staffId);
  const staff = activeStaffOf(found, device.centerId);
  return staff && staff.passwordHash !== '' ? staff : null;
}

function liveSince(now: Date): string {
  return new Date(now.getTime() - SESSION_TTL_MS).toISOString();
}

function isLive(session: SessionRecord, now: Date): boolean {
  return (
    session.closedAt === null && Date.parse(session.lastSeenAt) > now.getTime() - SESSION_TTL_MS
  );
}

export async function openSession(
  deps: SessionDeps,
  device: DeviceRecord,
  staffId: string,
): Promise<SessionOpenResponse> {
  const now = deps.now();
  const at = now.toISOString();
  return deps.store.write(async (tx) => {
    if (!(await loginStaff(tx, device, staffId))) {
      throw new AppError('forbidden', CANNOT_LOG_IN, { reason: 'cannot-log-in' });
    }
    const { payload } = await deps.licences.current(tx, device.centerId);
    if (licenceStateAt(payload, now) === 'expired') {
      throw new AppError('forbidden', LICENCE_EXPIRED, { reason: 'licence-expired' });
    }
    // Logging in again on the same desk replaces the person's session there (rolled back with
    // the rest if the seat check below refuses).
    await tx.closeStaffSessionsOnDevice(staffId, device.id, at);
    const live = await tx.liveSessionStaff(device.centerId, liveSince(now));
    // Someone already working on another desk takes no second seat.
    const inUse = live.includes(staffId) ? live.length : live.length + 1;
    if (inUse > payload.seats) {
      throw new AppError('forbidden', seatLimitMessage(payload.seats), {
        reason: 'seat-limit',
        seats: payload.seats,
        inUse: live.length,
      });
    }
    const sessionId = randomUUID();
    await tx.insertSession({
      id: sessionId,
      centerId: device.centerId,
      staffId,
      deviceId: device.id,
      openedAt: at,
      lastSeenAt: at,
      closedAt: null,
    });
    return {
      sessionId,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
      seats: payload.seats,
      inUse,
    };
  });
}

type HeartbeatOutcome =
  { ok: true; response: SessionOpenResponse } | { ok: false; error: AppError };

export async function heartbeatSession(
  deps: SessionDeps,
  device: DeviceRecord,
  sessionId: string,
): Promise<SessionOpenResponse> {
  const now = deps.now();
  const at = now.toISOString();
  // Returns rather than throws when it closes a session, so that the close is committed.
  const outcome = await deps.store.write<HeartbeatOutcome>(async (tx) => {
    const session = await tx.getSession(sessionId);
    if (!session || session.deviceId !== device.id) {
      throw new AppError('not-found', UNKNOWN_SESSION, { reason: 'unknown-session' });
    }
    if (!isLive(session, now)) {
      throw new AppError('not-found', SESSION_ENDED, { reason: 'session-ended' });
    }
    // Deactivated (or password removed) since logging in: the seat is given back now.
    if (!(await loginStaff(tx, device, session.staffId))) {
      await tx.closeSession(session.id, at);
      return {
        ok: false,
        error: new AppError('forbidden', CANNOT_LOG_IN, { reason: 'cannot-log-in' }),
      };
    }
    await tx.touchSession(session.id, at);
    const { payload } = await deps.licences.current(tx, device.centerId);
    return {
      ok: true,
      response: {
        sessionId,
        expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
        seats: payload.seats,
        inUse: (await tx.liveSessionStaff(device.centerId, liveSince(now))).length,
      },
    };
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.response;
}

/** Ends a session of this device; closing one that already ended is harmless. */
export async function closeSession(
  deps: SessionDeps,
  device: DeviceRecord,
  sessionId: string,
): Promise<SessionCloseResponse> {
  const at = deps.now().toISOString();
  return deps.store.write(async (tx) => {
    const session = await tx.getSession(sessionId);
    if (!session || session.deviceId !== device.id) {
      throw new AppError('not-found', UNKNOWN_SESSION, { reason: 'unknown-session' });
    }
    await tx.closeSession(session.id, at);
    return { sessionId, closedAt: session.closedAt ?? at };
  });
}
