/**
 * The one error shape that crosses every boundary (IPC, HTTP, sync). Inside a process code throws
 * {@link AppError}; transports turn it into {@link ApiError} data with {@link toApiError}.
 */

/** Stable machine-readable error codes. Never rename one: clients branch on them. */
export const ERROR_CODES = [
  'invalid',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'offline',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Extra data about an error. `fields` maps a form field path (`mobile`, `lines.0.price`) to a Persian message. */
export interface ErrorDetails {
  fields?: Record<string, string>;
  [key: string]: unknown;
}

/** An error as plain JSON data: what a UI, a peer or a test receives. `message` is Persian, for people. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

/** Default Persian message per code, used when the thrower gave none. */
export const DEFAULT_ERROR_MESSAGES: Record<ErrorCode, string> = {
  invalid: 'اطلاعات واردشده معتبر نیست.',
  unauthorized: 'ابتدا وارد شوید.',
  forbidden: 'اجازهٔ این کار را ندارید.',
  'not-found': 'مورد خواسته‌شده پیدا نشد.',
  conflict: 'این تغییر با دادهٔ موجود تعارض دارد.',
  offline: 'ارتباط با سرور برقرار نیست.',
  internal: 'خطای داخلی رخ داد. دوباره تلاش کنید.',
};

/** HTTP status used by every HTTP transport for each code. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  offline: 503,
  internal: 500,
};

/** The typed error thrown inside processes. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message?: string, details?: ErrorDetails) {
    super(message ?? DEFAULT_ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toJSON(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** An `invalid` error with per-field messages. */
export function invalidFields(fields: Record<string, string>, message?: string): AppError {
  const first = Object.values(fields)[0];
  return new AppError('invalid', message ?? first ?? DEFAULT_ERROR_MESSAGES.invalid, { fields });
}

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(v.code) &&
    typeof v.message === 'string'
  );
}

/**
 * Converts anything thrown into an {@link ApiError}. Unknown errors become `internal` without
 * leaking their text (it may hold paths or data); callers log the original.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) return error.toJSON();
  if (isApiError(error)) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  }
  return { code: 'internal', message: DEFAULT_ERROR_MESSAGES.internal };
}
