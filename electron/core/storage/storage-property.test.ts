/**
 * Property test: on random documents and random queries our storage returns exactly what RxDB's
 * memory storage returns (same documents, same order) and counts the same.
 */
import fc from 'fast-check';
import type { MangoQuery, MangoQuerySelector, RxStorage } from 'rxdb';
import { randomToken } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageSqlite } from './rx-storage-sqlite';
import {
  ids,
  insertAll,
  item,
  itemSchema,
  makeTempDir,
  openInstance,
  prepared,
  removeDir,
  type Item,
  type ItemDoc,
} from './storage-test-kit';

const schema = itemSchema();
// Hand-picked troublemakers (surrogate pairs, BMP private use, Persian, control, space, U+FFFF)
// plus arbitrary code points.
const tricky = fc.constantFrom(
  'a',
  'A',
  'z',
  ' ',
  '\t',
  'ی',
  'ك',
  '😀',
  '𝒜',
  '\ue000',
  '\ufb00',
  '\uffff',
  '0',
);
const nameArb = fc.oneof(
  fc.string({ unit: tricky, maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const scoreArb = fc.integer({ min: -100000, max: 100000 }).map((n) => n / 100);
const docArb = fc.record({
  name: nameArb,
  age: fc.integer({ min: 0, max: 150 }),
  score: scoreArb,
  active: fc.boolean(),
  tag: fc.constantFrom('a', 'b', 'c', '😀'),
});

type Field = 'name' | 'age' | 'score' | 'active' | 'tag';
const opArb = fc.constantFrom('$eq', '$gt', '$gte', '$lt', '$lte', '$ne', '$in');

function valueArb(field: Field): fc.Arbitrary<unknown> {
  switch (field) {
    case 'name':
      return nameArb;
    case 'age':
      return fc.integer({ min: -5, max: 155 });
    case 'score':
      return scoreArb;
    case 'active':
      return fc.boolean();
    case 'tag':
      return fc.constantFrom('a', 'b', 'c', '😀', 'd');
  }
}

const conditionArb = fc
  .constantFrom<Field>('name', 'age', 'score', 'active', 'tag')
  .chain((field) =>
    fc.tuple(
      fc.constant(field),
      opArb,
      valueArb(field),
      fc.array(valueArb(field), { minLength: 1, maxLength: 3 }),
    ),
  )
  .map(([field, op, value, values]) => ({ [field]: { [op]: op === '$in' ? values : value } }));

const queryArb: fc.Arbitrary<MangoQuery<Item>> = fc
  .record({
    conditions: fc.array(conditionArb, { maxLength: 3 }),
    useOr: fc.boolean(),
    sort: fc.array(
      fc.record({
        field: fc.constantFrom<Field>('name', 'age', 'score', 'active', 'tag'),
        dir: fc.constantFrom('asc', 'desc'),
      }),
      { maxLength: 2 },
    ),
    skip: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    limit: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
  })
  .map(({ conditions, useOr, sort, skip, limit }) => {
    const selector: MangoQuerySelector<Item> =
      useOr && conditions.length > 1
        ? ({ $or: conditions } as MangoQuerySelector<Item>)
        : (Object.assign({}, ...conditions) as MangoQuerySelector<Item>);
    const seen = new Set<string>();
    const sortParts = sort
      .filter((s) => !seen.has(s.field) && seen.add(s.field))
      .map((s) => ({ [s.field]: s.dir }) as Record<Field, 'asc' | 'desc'>);
    return {
      selector,
      ...(sortParts.length ? { sort: sortParts } : {}),
      ...(skip !== undefined ? { skip } : {}),
      ...(limit !== undefined ? { limit } : {}),
    } as MangoQuery<Item>;
  });

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

describe('sqlite storage: property test against RxDB memory storage', () => {
  it('returns the same documents in the same order for random data and queries', async () => {
    const sqlite = getRxStorageSqlite({ databaseDir: dir }) as RxStorage<unknown, unknown>;
    const memory = getRxStorageMemory() as RxStorage<unknown, unknown>;
    await fc.assert(
      fc.asyncProperty(
        fc.array(docArb, { minLength: 0, maxLength: 40 }),
        fc.array(queryArb, { minLength: 1, maxLength: 5 }),
        async (fields, queries) => {
          const name = `prop${randomToken(10)}`;
          const ours = await openInstance(sqlite, name);
          const reference = await openInstance(memory, name);
          try {
            const docs: ItemDoc[] = fields.map((f) => item(f));
            await insertAll(ours, docs);
            await insertAll(reference, docs);
            for (const query of queries) {
              const q = prepared(schema, query);
              const expected = ids((await reference.query(q)).documents);
              expect(ids((await ours.query(q)).documents)).toEqual(expected);
              const countQuery = prepared(schema, { selector: query.selector ?? {} });
              expect((await ours.count(countQuery)).count).toBe(
                (await reference.query(countQuery)).documents.length,
              );
            }
          } finally {
            await ours.remove();
            await reference.remove();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
