/**
 * The portal's only way to the server: JSON over `fetch` to `/api/portal`, same-origin cookies
 * (the session is an httpOnly cookie the page never sees), and the CSRF token from `GET /session`
 * on every state-changing request. Failures become {@link PortalError}s.
 */
import { CSRF_HEADER, paths } from './paths';
import type { PortalError } from './errors';
import { errorFromResponse, errorFromThrown } from './errors';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

let csrfToken = '';
let refreshCsrf: (() => Promise<void>) | null = null;
let sessionEnded: (() => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/**
 * The session provider's hooks: how to get a fresh CSRF token when the server refuses one (the
 * session rotated in another tab), and what to do when a signed-in call answers 401.
 */
export function setSessionHooks(hooks: {
  refreshCsrf: () => Promise<void>;
  sessionEnded: () => void;
}): void {
  refreshCsrf = hooks.refreshCsrf;
  sessionEnded = hooks.sessionEnded;
}

/** True when a 403 is the CSRF check (then the call is retried once with a fresh token). */
export function isCsrfRefusal(error: PortalError): boolean {
  const reason = error.details.reason;
  return error.status === 403 && (reason === 'csrf' || reason === 'bad-csrf');
}

/** `{ a: '1', b: '' }` → `?a=1` (empty values are left out). */
export function queryString(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function send(method: Method, url: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers[CSRF_HEADER] = csrfToken;
  try {
    return await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw errorFromThrown(error, typeof navigator === 'undefined' || navigator.onLine);
  }
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}

export async function request<T>(method: Method, url: string, body?: unknown): Promise<T> {
  let response = await send(method, url, body);
  let data = await readJson(response);
  if (!response.ok) {
    let error = errorFromResponse(response.status, data);
    if (method !== 'GET' && isCsrfRefusal(error) && refreshCsrf) {
      await refreshCsrf();
      response = await send(method, url, body);
      data = await readJson(response);
      if (response.ok) return data as T;
      error = errorFromResponse(response.status, data);
    }
    if (error.code === 'unauthorized' && url.startsWith(paths.me)) sessionEnded?.();
    throw error;
  }
  return data as T;
}

export const get = <T>(url: string) => request<T>('GET', url);
export const post = <T>(url: string, body: unknown = {}) => request<T>('POST', url, body);
export const put = <T>(url: string, body: unknown) => request<T>('PUT', url, body);
