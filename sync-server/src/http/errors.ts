/**
 * Every error leaves the server as `{ code, message, details? }` with a Persian message: our own
 * AppErrors, Fastify's (bad JSON, body too large, wrong content type), unknown routes and rate
 * limits. Unknown errors become `internal` without their text, which is logged instead.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import {
  AppError,
  HTTP_STATUS,
  toApiError,
  type ErrorCode,
  type ErrorDetails,
} from '../../../shared/api/errors';

/** An AppError with an HTTP status other than its code's usual one (413, 415, 429). */
export class HttpError extends AppError {
  constructor(
    readonly status: number,
    code: ErrorCode,
    message?: string,
    details?: ErrorDetails,
  ) {
    super(code, message, details);
  }
}

export const RATE_LIMITED_MESSAGE = 'درخواست‌ها بیش از حد زیاد است؛ کمی بعد دوباره تلاش کنید.';

/**
 * Too many requests. The shared codes have no `rate-limited`, so it is `forbidden` with HTTP 429
 * and `details.reason: 'rate-limited'`; clients branch on the status or the reason.
 */
export function rateLimited(retryAfterSeconds: number): HttpError {
  return new HttpError(429, 'forbidden', RATE_LIMITED_MESSAGE, {
    reason: 'rate-limited',
    retryAfterSeconds,
  });
}

function fromFastify(error: FastifyError): HttpError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'invalid', 'حجم درخواست بیش از حد مجاز است.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'invalid', 'نوع محتوای درخواست پذیرفته نیست؛ JSON بفرستید.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'invalid', 'بدنهٔ درخواست JSON معتبر نیست.');
    default:
      break;
  }
  // Fastify reports a malformed JSON body as a SyntaxError with status 400.
  if (error instanceof SyntaxError || error.validation) {
    return new HttpError(400, 'invalid', 'بدنهٔ درخواست JSON معتبر نیست.');
  }
  const status = error.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code: ErrorCode =
      status === 401
        ? 'unauthorized'
        : status === 403
          ? 'forbidden'
          : status === 404
            ? 'not-found'
            : status === 409
              ? 'conflict'
              : 'invalid';
    return new HttpError(status, code);
  }
  return null;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let known: AppError | null = error instanceof AppError ? error : fromFastify(error);
    if (!known) {
      request.log.error({ err: error }, 'unhandled error');
      known = new AppError('internal');
    }
    const status = known instanceof HttpError ? known.status : HTTP_STATUS[known.code];
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(status).type('application/json; charset=utf-8').send(toApiError(known));
  });

  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).type('application/json; charset=utf-8').send({
      code: 'not-found',
      message: 'این نشانی در سرور همگام‌سازی وجود ندارد.',
    }),
  );
}
