import { afterEach, beforeEach, expect, it } from 'vitest';
import { createCore, type Core } from '../create-core';
import { tempDir } from '../../../tests/support/temp';
import { PatientSearchIndex } from './search-index';
import { queryTokens, searchPatients } from './search';
import { openDatabase, type ClinicDatabase } from '../db/database';

let core: Core;
let temp: ReturnType<typeof tempDir>;

beforeEach(async () => {
  temp = tempDir();
  core = await createCore({ dataDir: temp.dir, host: 'test', devMode: true });
});
afterEach(async () => {
  await core.close();
  temp.remove();
});

const add = (firstName: string, lastName: string, mobile: string) =>
  core.call('patients.create', { firstName, lastName, mobile, gender: 'female' });

it('answers like the database query, in name order, and follows later changes', async () => {
  const names = [
    ['زهرا', 'کریمی', '09120000001'],
    ['علی', 'احمدی', '09120000002'],
    ['مریم', 'کریمی‌نژاد', '09120000003'],
    ['پویا', 'گودرزی', '09120000004'],
  ] as const;
  for (const [f, l, m] of names) await add(f, l, m);
  await core.close();

  // The same database, opened directly, with an index over it.
  const { db } = await openDatabase({ dataDir: temp.dir, storage: 'sqlite' });
  const centerId = (await db.patients.findOne().exec())!.centerId;
  const index = new PatientSearchIndex(db as ClinicDatabase, () => centerId);
  await index.load();
  for (const query of ['', 'كريمي', 'کریمی نژاد', '0912', '۰۹۱۲۰۰۰۰۰۰۴', 'x']) {
    const viaIndex = await searchPatients(
      db as ClinicDatabase,
      centerId,
      { query, limit: 10, offset: 0 },
      index,
    );
    const viaDb = await searchPatients(db as ClinicDatabase, centerId, {
      query,
      limit: 10,
      offset: 0,
    });
    expect(
      viaIndex.items.map((p) => p.id),
      query,
    ).toEqual(viaDb.items.map((p) => p.id));
    expect(viaIndex.total, query).toBe(viaDb.total);
  }
  expect(index.search(queryTokens(''), 0, 10).ids.length).toBe(4);

  const doc = (await db.patients.findOne({ selector: { lastName: 'گودرزی' } }).exec())!;
  await doc.incrementalPatch({ searchText: 'آرین آبادی 09120000004', sortName: '\u0100' });
  await doc.incrementalRemove();
  await db.patients.insert({
    ...doc.toMutableJSON(),
    id: '01900000-0000-7000-8000-00000000abcd',
    searchText: 'بهار یزدی',
    sortName: '\u0101',
  });
  await new Promise((r) => setTimeout(r, 20));
  expect(index.search(queryTokens('گودرزی'), 0, 10).total).toBe(0);
  expect(index.search(queryTokens('بهار'), 0, 10).ids).toEqual([
    '01900000-0000-7000-8000-00000000abcd',
  ]);
  expect(index.search(queryTokens(''), 0, 10).total).toBe(4);
  index.close();
  await db.close();
  core = await createCore({ dataDir: temp.dir, host: 'test', devMode: true });
});
