/**
 * Shared set-up for the storage's own tests: a fresh temp folder per test, a schema with every
 * index shape (string, number, decimal, boolean, compound), documents and prepared queries built
 * with RxDB's own helpers, exactly as RxDB hands them to a storage.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
  BulkWriteRow,
  MangoQuery,
  PreparedQuery,
  RxDocumentData,
  RxJsonSchema,
  RxStorage,
  RxStorageInstance,
} from 'rxdb';
import { fillWithDefaultSettings, normalizeMangoQuery, now, prepareQuery, randomToken } from 'rxdb';

export interface Item {
  id: string;
  name: string;
  age: number;
  score: number;
  active: boolean;
  tag: string;
}

export type ItemDoc = RxDocumentData<Item>;
export type ItemInstance = RxStorageInstance<Item, unknown, unknown>;

export function itemSchema(withAttachments = false): RxJsonSchema<ItemDoc> {
  return fillWithDefaultSettings<Item>({
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: { type: 'string', maxLength: 40 },
      name: { type: 'string', maxLength: 30 },
      age: { type: 'integer', minimum: 0, maximum: 150, multipleOf: 1 },
      score: { type: 'number', minimum: -1000, maximum: 1000, multipleOf: 0.01 },
      active: { type: 'boolean' },
      tag: { type: 'string', maxLength: 20 },
    },
    required: ['id', 'name', 'age', 'score', 'active', 'tag'],
    indexes: ['name', 'age', 'score', 'active', ['tag', 'age'], ['active', 'name']],
    ...(withAttachments ? { attachments: {} } : {}),
  });
}

export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rx-sqlite-test-'));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

let counter = 0;

export function item(overrides: Partial<ItemDoc> = {}): ItemDoc {
  counter++;
  return {
    id: `item-${String(counter).padStart(6, '0')}`,
    name: `name ${counter}`,
    age: counter % 150,
    score: 0,
    active: true,
    tag: 'a',
    _deleted: false,
    _attachments: {},
    _rev: '1-aaaaaaaaaa',
    _meta: { lwt: now() },
    ...overrides,
  };
}

/** The next revision of `doc` with `changes`, as RxDB would write it. */
export function nextRevision(doc: ItemDoc, changes: Partial<ItemDoc> = {}): ItemDoc {
  const height = Number(doc._rev.split('-')[0]) + 1;
  return { ...doc, ...changes, _rev: `${height}-bbbbbbbbbb`, _meta: { lwt: now() } };
}

export async function openInstance(
  storage: RxStorage<unknown, unknown>,
  databaseName: string,
  schema: RxJsonSchema<ItemDoc> = itemSchema(),
  collectionName = 'items',
): Promise<ItemInstance> {
  return (await storage.createStorageInstance<Item>({
    databaseInstanceToken: randomToken(10),
    databaseName,
    collectionName,
    schema,
    options: {},
    multiInstance: false,
    devMode: true,
  })) as ItemInstance;
}

export async function insertAll(instance: ItemInstance, docs: ItemDoc[]): Promise<void> {
  const rows: BulkWriteRow<Item>[] = docs.map((document) => ({ document }));
  const result = await instance.bulkWrite(rows, 'test-insert');
  if (result.error.length > 0) throw new Error(`insert failed: ${JSON.stringify(result.error[0])}`);
}

/**
 * A prepared query as RxDB builds it for a collection query: `_deleted: false` added to the
 * selector (rx-query.ts does this), normalised, planned.
 */
export function prepared(
  schema: RxJsonSchema<ItemDoc>,
  mango: MangoQuery<Item>,
  includeDeleted = false,
): PreparedQuery<Item> {
  const selector = includeDeleted
    ? { ...mango.selector }
    : { ...mango.selector, _deleted: { $eq: false } };
  return prepareQuery<Item>(
    schema,
    normalizeMangoQuery<Item>(schema, { ...mango, selector } as MangoQuery<Item>),
  );
}

export function ids(docs: readonly { id: string }[]): string[] {
  return docs.map((d) => d.id);
}
