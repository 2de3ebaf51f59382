/**
 * Every failure the portal shows, as one error type: the API's `{ code, message, details.fields }`,
 * a network that is down, a server that answers with something that is not our JSON (a proxy's 502
 * page), or a form checked before sending. Pure, so the mapping is unit-tested.
 */
import {
  DEFAULT_ERROR_MESSAGES,
  isApiError,
  type ErrorCode,
  type ErrorDetails,
} from '../../../../shared/api/errors';

export const OFFLINE_MESSAGE =
  'اتصال به اینترنت برقرار نیست. اتصال گوشی را بررسی کنید و دوباره تلاش کنید.';
export const UNREACHABLE_MESSAGE = 'سرور نوبت‌دهی در دسترس نیست. چند دقیقهٔ دیگر دوباره تلاش کنید.';
export const SERVER_ERROR_MESSAGE = 'در سرور خطایی رخ داد. کمی بعد دوباره تلاش کنید.';
export const SESSION_ENDED_MESSAGE = 'نشست شما به پایان رسیده است؛ دوباره وارد شوید.';

export class PortalError extends Error {
  readonly code: ErrorCode;
  /** HTTP status; 0 when no answer came. */
  readonly status: number;
  /** Field name → Persian message. */
  readonly fields: Record<string, string>;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, status = 0, details: ErrorDetails = {}) {
    super(message);
    this.name = 'PortalError';
    this.code = code;
    this.status = status;
    this.details = details;
    this.fields = stringFields(details.fields);
  }

  /** No answer at all, or an answer that says the server is out of reach. */
  get isOffline(): boolean {
    return this.code === 'offline';
  }

  get isRateLimited(): boolean {
    return this.status === 429 || this.details.reason === 'rate-limited';
  }
}

function stringFields(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  const fields: Record<string, string> = {};
  for (const [key, message] of Object.entries(value)) {
    if (typeof message === 'string') fields[key] = message;
  }
  return fields;
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403 || status === 429) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status >= 400 && status < 500) return 'invalid';
  return 'internal';
}

/** A non-2xx answer → a PortalError; `body` is the parsed JSON, or null when it was not JSON. */
export function errorFromResponse(status: number, body: unknown): PortalError {
  if (isApiError(body)) {
    return new PortalError(body.code, body.message, status, body.details ?? {});
  }
  // Not our JSON: a gateway or proxy page. 502–504 means the sync server is down or restarting.
  if (status === 502 || status === 503 || status === 504) {
    return new PortalError('offline', UNREACHABLE_MESSAGE, status);
  }
  if (status >= 500) return new PortalError('internal', SERVER_ERROR_MESSAGE, status);
  const code = codeForStatus(status);
  return new PortalError(code, DEFAULT_ERROR_MESSAGES[code], status);
}

/** What `fetch` threw → a PortalError (`online` is `navigator.onLine`). */
export function errorFromThrown(error: unknown, online: boolean): PortalError {
  if (error instanceof PortalError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new PortalError('offline', 'درخواست لغو شد.');
  }
  return new PortalError('offline', online ? UNREACHABLE_MESSAGE : OFFLINE_MESSAGE);
}

/** Anything caught in a page → a PortalError (unknown errors are not shown as they are). */
export function asPortalError(error: unknown): PortalError {
  if (error instanceof PortalError) return error;
  return new PortalError('internal', DEFAULT_ERROR_MESSAGES.internal);
}

/**
 * The message above a form: the error's own, plus the field messages no input on the form shows
 * (e.g. an expired registration `ticket`), so nothing the server said is lost.
 */
export function formLevelMessages(error: PortalError, shownFields: readonly string[]): string[] {
  const unplaced = Object.entries(error.fields)
    .filter(([field]) => !shownFields.includes(field))
    .map(([, message]) => message);
  const placedSomewhere = Object.keys(error.fields).some((f) => shownFields.includes(f));
  // When every message sits under its field, the general "invalid" line is noise.
  if (placedSomewhere && unplaced.length === 0) return [];
  return [error.message, ...unplaced.filter((m) => m !== error.message)];
}
