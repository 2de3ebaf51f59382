/**
 * Calls to outside services (SMS providers, payment gateways) with the built-in fetch: a timeout
 * on every call, JSON in and out, and one error type whose text never holds the URL. Hazard:
 * Kavenegar puts the API key in the URL path, so neither a URL nor fetch's own error (whose
 * `cause` may name it) is ever put into an error message or a log line; see {@link redactUrl}.
 */

/** A refusal or failure of an outside service, with a Persian reason for people. */
export class ProviderError extends Error {
  constructor(
    /** Stable and free of secrets: `timeout`, `network`, `http-502`, `kavenegar-418`… */
    readonly code: string,
    /** Persian, shown to people (a message's lastError, an API error). */
    readonly reason: string,
    /** Whether trying again later may succeed. */
    readonly retryable: boolean,
  ) {
    super(code);
    this.name = 'ProviderError';
  }
}

export const DEFAULT_TIMEOUT_MS = 15_000;

const TIMEOUT = 'سرویس‌دهنده در زمان مقرر پاسخ نداد.';
const NETWORK = 'ارتباط با سرویس‌دهنده برقرار نشد.';
const UNREADABLE = 'پاسخ سرویس‌دهنده خوانا نبود.';

export interface OutboundRequest {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** JSON (an object) or a form (URLSearchParams). */
  body?: Record<string, unknown> | URLSearchParams;
  timeoutMs?: number;
}

export interface OutboundResponse {
  status: number;
  /** The parsed JSON body, or null when there was none. */
  body: unknown;
}

/** `https://api.kavenegar.com/v1/<key>/sms/send.json` → `…/v1/[redacted]/sms/send.json`. */
export function redactUrl(url: string, secret: string): string {
  return secret === '' ? url : url.split(encodeURIComponent(secret)).join('[redacted]');
}

export async function requestJson(
  url: string,
  request: OutboundRequest,
): Promise<OutboundResponse> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  let body: string | undefined;
  if (request.body instanceof URLSearchParams) {
    headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8';
    body = request.body.toString();
  } else if (request.body) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.body);
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method,
      headers,
      body,
      signal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new ProviderError('timeout', TIMEOUT, true);
    }
    // fetch's TypeError carries the URL in its cause: dropped on purpose.
    throw new ProviderError('network', NETWORK, true);
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new ProviderError('timeout', TIMEOUT, true);
  }
  if (text.trim() === '') return { status: response.status, body: null };
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    throw new ProviderError(`http-${response.status}`, UNREADABLE, response.status >= 500);
  }
}

/** A plain object's property, or undefined (gateways answer loosely shaped JSON). */
export function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
