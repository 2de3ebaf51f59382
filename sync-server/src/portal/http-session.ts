/**
 * Patient sessions and CSRF for `/api/portal` (S4). The session cookie is httpOnly, SameSite=Lax,
 * `Secure` behind HTTPS, and holds a random token; the server keeps only its SHA-256, and only for
 * signed-in sessions (an anonymous visitor gets a token with no row). The CSRF token is derived
 * from the cookie's token (SHA-256 with a label), so it is stateless, changes whenever the session
 * rotates (login, logout), and cannot be computed by a page that cannot read the cookie.
 *
 * Every state-changing request must (1) carry the cookie, (2) send the CSRF token in
 * `x-csrf-token`, and (3) not come from another site: an `Origin` other than this server's, or
 * `Sec-Fetch-Site: cross-site`, is refused before the handler runs.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../shared/api/errors';
import { CSRF_HEADER, SESSION_COOKIE } from '../../../shared/portal/contract';
import type { PortalAccountRecord } from '../store/portal-store';
import type { SyncStore } from '../store/sync-store';

export const SESSION_DAYS = 14;
const NOT_SIGNED_IN = 'ابتدا وارد حساب کاربری خود شوید.';
const BAD_CSRF = 'درخواست از صفحهٔ سامانه نیامده یا نشست تازه شده است؛ صفحه را دوباره باز کنید.';
const BAD_ORIGIN = 'درخواست از وب‌گاه دیگری فرستاده شده و پذیرفته نمی‌شود.';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function csrfFor(token: string): string {
  return createHash('sha256').update(`portal-csrf:${token}`, 'utf8').digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieToken(request: FastifyRequest): string | null {
  const value = request.cookies[SESSION_COOKIE];
  return typeof value === 'string' && /^[A-Za-z0-9_-]{40,60}$/.test(value) ? value : null;
}

/** Sets the session cookie; `maxAgeDays` for a signed-in session, none for an anonymous one. */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  secure: boolean,
  maxAgeDays: number | null,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    ...(maxAgeDays === null ? {} : { maxAge: maxAgeDays * 86_400 }),
  });
}

/** True when the browser reached this server over HTTPS (directly or through the trusted proxy). */
export function isSecure(request: FastifyRequest, publicUrl: string): boolean {
  return request.protocol === 'https' || publicUrl.startsWith('https:');
}

/** The signed-in account of the request's session, or null. */
export async function sessionAccount(
  store: SyncStore,
  request: FastifyRequest,
  now: Date,
): Promise<PortalAccountRecord | null> {
  const token = cookieToken(request);
  if (!token) return null;
  return store.portal.getSessionAccount(sha256(token), now.toISOString());
}

export async function requireAccount(
  store: SyncStore,
  request: FastifyRequest,
  now: Date,
): Promise<PortalAccountRecord> {
  const account = await sessionAccount(store, request, now);
  if (!account) throw new AppError('unauthorized', NOT_SIGNED_IN, { reason: 'no-session' });
  return account;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The CSRF and same-origin check for a state-changing request. `allowedOrigins` holds this
 * server's public origin; the request's own Host (as the browser addressed it) is accepted too.
 */
export function checkStateChange(request: FastifyRequest, allowedOrigins: string[]): void {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site') throw new AppError('forbidden', BAD_ORIGIN, { reason: 'origin' });
  const origin = request.headers.origin;
  if (typeof origin === 'string') {
    const own = [...allowedOrigins, `${request.protocol}://${request.host}`];
    if (origin === 'null' || !own.includes(originOf(origin) ?? '')) {
      throw new AppError('forbidden', BAD_ORIGIN, { reason: 'origin' });
    }
  }
  const token = cookieToken(request);
  const sent = request.headers[CSRF_HEADER];
  if (!token || typeof sent !== 'string' || !sameText(sent, csrfFor(token))) {
    throw new AppError('forbidden', BAD_CSRF, { reason: 'csrf' });
  }
}
