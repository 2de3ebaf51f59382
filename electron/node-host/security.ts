/**
 * The node-host listens on 127.0.0.1 only, yet any web page the user opens could try to reach it
 * (CSRF, DNS rebinding). Every request must therefore name our host, come from our origin if it
 * names one, and carry the per-run token (cookie or bearer header).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'clinic_desk_token';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** True when the Host header names this server (defeats DNS rebinding). */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  return allowedHosts(port).has((req.headers.host ?? '').toLowerCase());
}

/**
 * True unless the request says it comes from another site. Browsers always send Origin on
 * cross-origin fetches and POSTs, and Sec-Fetch-Site on modern engines.
 */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const ok = [...allowedHosts(port)].some((h) => origin.toLowerCase() === `http://${h}`);
    if (!ok) return false;
  }
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return undefined;
}

export function requestToken(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  return cookieToken(req);
}

export function tokenValid(given: string | undefined | null, token: string): boolean {
  return typeof given === 'string' && given.length > 0 && sameToken(given, token);
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}
