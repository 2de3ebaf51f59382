import { describe, expect, it } from 'vitest';
import {
  asPortalError,
  errorFromResponse,
  errorFromThrown,
  formLevelMessages,
  OFFLINE_MESSAGE,
  PortalError,
  SERVER_ERROR_MESSAGE,
  UNREACHABLE_MESSAGE,
} from './errors';
import { isCsrfRefusal, queryString } from './api';

describe('API error mapping', () => {
  it('keeps the server’s code, message and field messages', () => {
    const error = errorFromResponse(400, {
      code: 'invalid',
      message: 'اطلاعات کامل نیست.',
      details: { fields: { nationalId: 'کد ملی معتبر نیست.', bad: 3 } },
    });
    expect(error).toBeInstanceOf(PortalError);
    expect(error.code).toBe('invalid');
    expect(error.status).toBe(400);
    expect(error.message).toBe('اطلاعات کامل نیست.');
    expect(error.fields).toEqual({ nationalId: 'کد ملی معتبر نیست.' });
  });

  it('recognises rate limits by status or reason', () => {
    const error = errorFromResponse(429, {
      code: 'forbidden',
      message: 'درخواست‌ها بیش از حد زیاد است.',
      details: { reason: 'rate-limited', retryAfterSeconds: 30 },
    });
    expect(error.isRateLimited).toBe(true);
    expect(error.code).toBe('forbidden');
  });

  it('treats a proxy’s error page as the server being out of reach', () => {
    for (const status of [502, 503, 504]) {
      const error = errorFromResponse(status, null);
      expect(error.code).toBe('offline');
      expect(error.isOffline).toBe(true);
      expect(error.message).toBe(UNREACHABLE_MESSAGE);
    }
    expect(errorFromResponse(500, null).message).toBe(SERVER_ERROR_MESSAGE);
  });

  it('gives other non-JSON answers a code from their status', () => {
    expect(errorFromResponse(404, null).code).toBe('not-found');
    expect(errorFromResponse(401, 'x').code).toBe('unauthorized');
    expect(errorFromResponse(409, {}).code).toBe('conflict');
    expect(errorFromResponse(422, null).code).toBe('invalid');
  });

  it('tells no network from an unreachable server', () => {
    expect(errorFromThrown(new TypeError('Failed to fetch'), false).message).toBe(OFFLINE_MESSAGE);
    expect(errorFromThrown(new TypeError('Failed to fetch'), true).message).toBe(
      UNREACHABLE_MESSAGE,
    );
    expect(errorFromThrown(new TypeError('x'), true).code).toBe('offline');
  });

  it('never shows an unknown error’s own text', () => {
    const error = asPortalError(new Error('SELECT * FROM secrets'));
    expect(error.code).toBe('internal');
    expect(error.message).not.toContain('SELECT');
  });

  it('spots a CSRF refusal', () => {
    const csrf = errorFromResponse(403, {
      code: 'forbidden',
      message: 'x',
      details: { reason: 'csrf' },
    });
    expect(isCsrfRefusal(csrf)).toBe(true);
    expect(isCsrfRefusal(errorFromResponse(403, { code: 'forbidden', message: 'x' }))).toBe(false);
  });
});

describe('form-level messages', () => {
  const error = new PortalError('invalid', 'اطلاعات معتبر نیست.', 400, {
    fields: { mobile: 'شماره معتبر نیست.', ticket: 'مهلت ثبت‌نام تمام شده است.' },
  });

  it('shows the messages of fields the form has no input for', () => {
    expect(formLevelMessages(error, ['mobile'])).toEqual([
      'اطلاعات معتبر نیست.',
      'مهلت ثبت‌نام تمام شده است.',
    ]);
  });

  it('shows nothing above the form when every message sits under its field', () => {
    expect(formLevelMessages(error, ['mobile', 'ticket'])).toEqual([]);
  });

  it('shows the message of an error without fields', () => {
    const conflict = new PortalError('conflict', 'این نوبت همین حالا گرفته شد.', 409);
    expect(formLevelMessages(conflict, ['date'])).toEqual(['این نوبت همین حالا گرفته شد.']);
  });
});

describe('query strings', () => {
  it('leaves empty values out', () => {
    expect(queryString({ q: 'دندان', city: '', service: undefined })).toBe(
      '?q=%D8%AF%D9%86%D8%AF%D8%A7%D9%86',
    );
    expect(queryString({})).toBe('');
  });
});
