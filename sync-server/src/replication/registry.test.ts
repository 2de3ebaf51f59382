import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deepStrict, prepareRegistry } from './registry';

describe('collection registry', () => {
  it('makes schemas strict at every depth and keeps refinements', () => {
    const schema = z
      .object({
        a: z.number(),
        nested: z.object({ x: z.string() }).nullable(),
        list: z.array(z.object({ y: z.boolean() })),
        maybe: z.object({ z: z.number() }).optional(),
      })
      .refine((v) => v.a > 0, { message: 'positive', path: ['a'] });
    const strict = deepStrict(schema);
    const ok = { a: 1, nested: { x: 's' }, list: [{ y: true }] };
    expect(strict.safeParse(ok).success).toBe(true);
    const paths = (value: unknown) =>
      strict.safeParse(value).error?.issues.map((i) => [i.code, i.path.join('.')]);
    expect(paths({ ...ok, extra: 1 })).toEqual([['unrecognized_keys', '']]);
    expect(paths({ ...ok, nested: { x: 's', y: 1 } })).toEqual([['unrecognized_keys', 'nested']]);
    expect(paths({ ...ok, list: [{ y: true, q: 1 }] })).toEqual([['unrecognized_keys', 'list.0']]);
    expect(paths({ ...ok, maybe: { z: 1, w: 2 } })).toEqual([['unrecognized_keys', 'maybe']]);
    expect(paths({ ...ok, a: -1 })).toEqual([['custom', 'a']]);
    // The original stays as it was.
    expect(schema.safeParse({ ...ok, extra: 1 }).success).toBe(true);
  });

  it('reads the primary key and the center scope, and refuses names unfit for a path', () => {
    const prepared = prepareRegistry({
      human: {
        docSchema: z.object({}),
        rxSchema: { primaryKey: 'passportId' },
        centerScope: 'device',
      },
      patients: { docSchema: z.object({}) },
    });
    expect(prepared.get('human')).toMatchObject({
      primaryKey: 'passportId',
      centerScope: 'device',
    });
    expect(prepared.get('patients')).toMatchObject({ primaryKey: 'id', centerScope: 'document' });
    expect(() => prepareRegistry({ '../x': { docSchema: z.object({}) } })).toThrow(/name/);
  });
});
