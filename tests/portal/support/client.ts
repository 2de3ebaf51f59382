/**
 * A portal client as the SPA's browser behaves: one cookie jar (the session cookie), the CSRF token
 * from `GET /session` on every state-changing request, and the page's Origin. Works against a
 * listening server (`fetch`) so payments can go through the simulated gateway.
 */
import { CSRF_HEADER, SESSION_COOKIE, portalPaths } from '../../../shared/portal/contract';

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
  setCookies: string[];
}

export class PortalClient {
  cookie = '';
  csrf = '';

  constructor(
    readonly base: string,
    readonly origin: string = base,
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json', origin: this.origin };
    if (this.cookie) headers.cookie = `${SESSION_COOKIE}=${this.cookie}`;
    if (method !== 'GET') headers[CSRF_HEADER] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { ...headers, ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    });
    const setCookies = res.headers.getSetCookie();
    for (const line of setCookies) {
      const match = new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(line);
      if (match) this.cookie = match[1]!;
    }
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed, headers: res.headers, setCookies };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, body: unknown = {}) {
    return this.request('POST', path, body);
  }

  /** Fetches the session (and its CSRF token), as the SPA does after every sign-in change. */
  async session() {
    const res = await this.get(portalPaths.session);
    this.csrf = res.body.csrfToken;
    return res;
  }
}
