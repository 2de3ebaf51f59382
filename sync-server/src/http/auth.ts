/**
 * Device authentication: `Authorization: Bearer <deviceToken>`. The server keeps only the token's
 * SHA-256, so a leaked database does not let anyone act as a desk. A revoked device gets 401.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../shared/api/errors';
import { hashToken } from '../devices/tokens';
import type { DeviceRecord, SyncStore } from '../store/sync-store';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated device; set on every sync route. */
    device: DeviceRecord | null;
  }
}

const NO_TOKEN = 'این دستگاه شناسایی نشد؛ آن را دوباره در مرکز ثبت کنید.';
const REVOKED = 'دسترسی این دستگاه لغو شده است؛ مدیر مرکز باید آن را دوباره ثبت کند.';

/** Whether last_seen_at is worth a write: at most once a minute per device. */
const SEEN_RESOLUTION_MS = 60_000;

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,200})$/;

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? BEARER.exec(header) : null;
  return match ? match[1]! : null;
}

export function deviceAuthenticator(store: SyncStore, now: () => Date) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const token = bearerToken(request);
    const device = token ? await store.getDeviceByTokenHash(hashToken(token)) : null;
    if (!device) throw new AppError('unauthorized', NO_TOKEN, { reason: 'unknown-device' });
    if (device.revokedAt !== null) {
      throw new AppError('unauthorized', REVOKED, { reason: 'revoked' });
    }
    const at = now();
    const seen = device.lastSeenAt ? Date.parse(device.lastSeenAt) : 0;
    if (at.getTime() - seen >= SEEN_RESOLUTION_MS) {
      await store.write((tx) => tx.touchDevice(device.id, at.toISOString()));
    }
    request.device = device;
  };
}

/** The authenticated device of a sync route (the hook guarantees it). */
export function deviceOf(request: FastifyRequest): DeviceRecord {
  if (!request.device) throw new AppError('unauthorized', NO_TOKEN);
  return request.device;
}
