import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from './contract';
import { method, mergeMethods, returns } from './method';
import { AppError, isApiError, toApiError } from './errors';
import { parseOrThrow } from './validate';

const spec = method({ description: 'x', args: z.object({}), result: returns<null>() });

describe('the contract', () => {
  it('names every method domain.verb', () => {
    for (const name of Object.keys(contract))
      expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
  });
  it('fails at start-up when two domains declare the same method', () => {
    expect(() => mergeMethods({ 'a.get': spec }, { 'a.get': spec })).toThrow(
      /Duplicate API method "a.get"/,
    );
  });
  it('refuses names that are not domain.verb', () => {
    expect(() => mergeMethods({ get: spec })).toThrow(/domain.verb/);
  });
});

describe('errors as data', () => {
  it('keeps code, message and details of an AppError', () => {
    const e = new AppError('conflict', 'تعارض', { fields: { a: 'b' } });
    expect(toApiError(e)).toEqual({
      code: 'conflict',
      message: 'تعارض',
      details: { fields: { a: 'b' } },
    });
  });
  it('hides the text of unknown errors', () => {
    const data = toApiError(new Error('/home/secret/path failed'));
    expect(data.code).toBe('internal');
    expect(data.message).not.toContain('secret');
    expect(isApiError(data)).toBe(true);
  });
  it('turns zod failures into per-field Persian messages', () => {
    const schema = z.object({ n: z.number(), s: z.string().min(1, 'خالی است') });
    try {
      parseOrThrow(schema, { n: 'x', s: '' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const fields = (e as AppError).details?.fields ?? {};
      expect(fields.s).toBe('خالی است');
      expect(fields.n).toMatch(/[\u0600-\u06ff]/);
    }
  });
});
