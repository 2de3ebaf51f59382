import Database from 'better-sqlite3';
import type { MangoQuery, RxStorage } from 'rxdb';
import { randomToken } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeIndexKey, encodeIndexKey } from './index-key';
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
  type ItemInstance,
} from './storage-test-kit';

const schema = itemSchema();
const NAMES = [
  'Ali',
  'ali',
  'Zahra',
  'زهرا',
  'علی',
  'zebra',
  '😀 smile',
  '𝒜 math',
  '\ue000 private',
  'ﬀ lig',
  ' space',
  '\tTab',
  '',
];
const TAGS = ['a', 'b', 'c', 'دکتر'];

function dataset(): ItemDoc[] {
  const docs: ItemDoc[] = [];
  for (let i = 0; i < 80; i++) {
    docs.push(
      item({
        name: `${NAMES[i % NAMES.length]}${i % 3 === 0 ? '' : ` ${i}`}`,
        age: (i * 37) % 151,
        score: Math.round(((i * 7919) % 2000) - 1000 + (i % 4) * 0.25) / 1,
        active: i % 3 !== 0,
        tag: TAGS[i % TAGS.length]!,
      }),
    );
  }
  return docs;
}

/** Every index shape, both plan paths (selector satisfied or not) and both sort paths. */
const QUERIES: MangoQuery<Item>[] = [
  { selector: {} },
  { selector: {}, sort: [{ name: 'asc' }] },
  { selector: { name: { $gte: 'Zahra', $lt: 'zebra' } }, sort: [{ name: 'asc' }] },
  { selector: { name: { $gt: 'z' } }, sort: [{ name: 'asc' }] },
  { selector: { name: { $lt: '\ue000' } }, sort: [{ name: 'desc' }] },
  { selector: { name: { $eq: '😀 smile' } } },
  { selector: { age: { $gt: 30 } }, sort: [{ age: 'asc' }] },
  { selector: { age: { $gte: 10, $lte: 90 } }, sort: [{ age: 'desc' }] },
  { selector: { score: { $lt: 0 } }, sort: [{ score: 'asc' }] },
  { selector: { score: { $gte: -500.5, $lte: 250.25 } }, sort: [{ score: 'desc' }, { id: 'asc' }] },
  { selector: { active: { $eq: true } }, sort: [{ name: 'asc' }] },
  { selector: { active: { $eq: false } }, sort: [{ active: 'asc' }, { name: 'asc' }] },
  { selector: { tag: { $eq: 'b' }, age: { $gt: 5 } }, sort: [{ tag: 'asc' }, { age: 'asc' }] },
  { selector: { tag: { $in: ['a', 'دکتر'] } }, sort: [{ age: 'desc' }] },
  { selector: { name: { $regex: '^[Aa]li' } }, sort: [{ name: 'asc' }] },
  { selector: { $or: [{ age: { $lt: 20 } }, { tag: 'c' }] }, sort: [{ age: 'asc' }] },
  { selector: { age: { $gt: 10 }, name: { $regex: '😀' } } },
  { selector: {}, sort: [{ age: 'asc' }], skip: 5, limit: 7 },
  { selector: { name: { $regex: 'i' } }, sort: [{ name: 'asc' }], skip: 2, limit: 3 },
  { selector: {}, sort: [{ score: 'desc' }], skip: 3, limit: 4 },
  { selector: { age: { $gte: 0 } }, limit: 0 },
];

let dir: string;
let ours: ItemInstance;
let reference: ItemInstance;
let docs: ItemDoc[];

beforeEach(async () => {
  dir = makeTempDir();
  docs = dataset();
  ours = await openInstance(
    getRxStorageSqlite({ databaseDir: dir }) as RxStorage<unknown, unknown>,
    'queries',
  );
  reference = await openInstance(
    getRxStorageMemory() as RxStorage<unknown, unknown>,
    `ref${randomToken(8)}`,
  );
  await insertAll(ours, docs);
  await insertAll(reference, docs);
});

afterEach(async () => {
  await ours.close();
  await reference.remove();
  removeDir(dir);
});

describe('sqlite storage: queries match RxDB memory storage', () => {
  it.each(QUERIES.map((q) => [JSON.stringify(q), q] as const))('%s', async (_name, query) => {
    const q = prepared(schema, query);
    const expected = ids((await reference.query(q)).documents);
    expect(ids((await ours.query(q)).documents)).toEqual(expected);
    if (query.skip === undefined && query.limit === undefined) {
      expect((await ours.count(prepared(schema, query))).count).toBe(expected.length);
    }
  });

  it('exercises both plan paths (index alone, and index plus matcher)', () => {
    const plans = QUERIES.map((q) => prepared(schema, q).queryPlan);
    expect(plans.some((p) => p.selectorSatisfiedByIndex && p.sortSatisfiedByIndex)).toBe(true);
    expect(plans.some((p) => !p.selectorSatisfiedByIndex && p.sortSatisfiedByIndex)).toBe(true);
    expect(plans.some((p) => !p.sortSatisfiedByIndex)).toBe(true);
  });
});

describe('sqlite storage: non-BMP strings in indexed fields', () => {
  it('finds emoji and math letters by range exactly where JavaScript sorts them', async () => {
    const found = await ours.query(
      prepared(schema, { selector: { name: { $gt: 'zebra' } }, sort: [{ name: 'asc' }] }),
    );
    const names = found.documents.map((d) => d.name);
    const expected = docs
      .map((d) => d.name)
      .filter((n) => n > 'zebra')
      .sort();
    expect(names).toEqual(expected);
    expect(names.some((n) => n.startsWith('😀'))).toBe(true);
    expect(names.some((n) => n.startsWith('𝒜'))).toBe(true);

    // Below U+E000 in JS: surrogate pairs are 0xD800–0xDFFF. UTF-8 TEXT order would lose them.
    const below = await ours.query(
      prepared(schema, { selector: { name: { $gt: 'zebra', $lt: '\ue000' } } }),
    );
    expect(below.documents.map((d) => d.name).sort()).toEqual(expected.filter((n) => n < '\ue000'));
    expect(below.documents.length).toBeGreaterThan(0);
  });

  it('needs the encoding: SQLite TEXT order disagrees with JS order, the BLOB keys agree', () => {
    const raw = new Database(':memory:');
    const textLess = raw.prepare('SELECT ? < ?').pluck();
    const pairs: [string, string][] = [
      ['😀', '\ue000'],
      ['𝒜', '\uffff'],
      ['a😀', 'a\ufb00'],
    ];
    for (const [a, b] of pairs) {
      expect(a < b).toBe(true);
      expect(textLess.get(a, b)).toBe(0); // the trap the encoding avoids
      expect(textLess.get(encodeIndexKey(a), encodeIndexKey(b))).toBe(1);
      expect(decodeIndexKey(encodeIndexKey(a))).toBe(a);
    }
    raw.close();
  });

  it('keeps a lone surrogate intact in keys', () => {
    const lone = 'x\ud800y';
    expect(decodeIndexKey(encodeIndexKey(lone))).toBe(lone);
    expect(Buffer.compare(encodeIndexKey(lone), encodeIndexKey('x\ue000'))).toBe(-1);
  });
});

describe('sqlite storage: count', () => {
  it('counts over the index range without loading documents when the index satisfies the selector', async () => {
    const fast = await ours.count(prepared(schema, { selector: { age: { $gte: 20, $lt: 100 } } }));
    expect(fast).toEqual({
      count: docs.filter((d) => d.age >= 20 && d.age < 100).length,
      mode: 'fast',
    });
    const slow = await ours.count(prepared(schema, { selector: { name: { $regex: 'ali' } } }));
    expect(slow).toEqual({ count: docs.filter((d) => /ali/.test(d.name)).length, mode: 'slow' });
  });
});
