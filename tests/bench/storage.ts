/**
 * `npm run bench:storage`: our better-sqlite3 RxStorage against RxDB's memory storage, side by side
 * in one process, plus a one-million-document scale check and the cost of synchronous FULL.
 *
 * 1. RxDB's own `runPerformanceTests` (default settings, so metric names match RxDB's published
 *    ones) on: ours with synchronous FULL (what ships), ours with NORMAL, and memory.
 *    Ratios are ours(FULL) / memory.
 * 2. Durability cost: serial single-document commits at storage level, FULL vs NORMAL, and the
 *    fsync floor of this machine: appending as many WAL frames as such a commit writes, then one
 *    fsync, with nothing else (no SQLite, no RxDB). `floor.ratio.serial-inserts-50` is NORMAL's
 *    serial-inserts-50 plus 50 such floors, over memory's: a lower bound for FULL's ratio.
 * 3. Scale: 1,000,000 documents written through our bulkWrite in big batches (NORMAL while
 *    generating, to save time; nothing is measured then), closed, then reopened through RxDB:
 *    open time, p50/p95 of an indexed 50-document query, a COUNT over ~10,000 index entries,
 *    and the process's peak RSS.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RxCollection, RxJsonSchema, RxStorage, RxStorageInstance } from 'rxdb';
import { createRxDatabase, fillWithDefaultSettings, now } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { runPerformanceTests, type PerformanceTestResult } from 'rxdb/plugins/test-utils';
import {
  defaultFileName,
  getRxStorageSqlite,
  type SynchronousLevel,
} from '../../electron/core/storage';
import { writeReport, type Metric } from './report';

/** Premium SQLite's published ratios to memory: ours must be below each. */
const TARGETS: Record<string, number> = {
  'time-to-first-insert': 4.2,
  'insert-documents-500': 27.8,
  'find-by-ids-3000': 4.9,
  'serial-inserts-50': 7.0,
  'serial-find-by-id-50': 4.9,
  'find-by-query': 7.0,
  'find-by-query-parallel-4': 5.1,
  '4x-count': 7.2,
};
// BENCH_QUICK=1 is for working on this file only: fewer runs and documents, figures not comparable.
const QUICK = process.env.BENCH_QUICK === '1';
const SCALE_DOCS = QUICK ? 100_000 : 1_000_000;
const BATCH = 20_000;

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-storage-'));
const metrics: Record<string, Metric> = {};
/** serial-inserts-50 of the NORMAL and memory runs, for the fsync-floor ratio. */
const serialInserts = { normal: NaN, memory: NaN };

function sqlite(dir: string, synchronous: SynchronousLevel): RxStorage<unknown, unknown> {
  return getRxStorageSqlite({ databaseDir: path.join(root, dir), synchronous }) as RxStorage<
    unknown,
    unknown
  >;
}

async function perf(
  storage: RxStorage<unknown, unknown>,
  label: string,
): Promise<PerformanceTestResult> {
  const started = performance.now();
  const result = await runPerformanceTests(
    storage,
    label,
    QUICK ? { log: false, runs: 3 } : { log: false },
  );
  console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return result;
}

async function comparePerformance(): Promise<void> {
  console.log('RxDB runPerformanceTests (defaults: 40 runs, 4 collections, 3000 docs)…');
  const full = await perf(sqlite('perf-full', 'FULL'), 'sqlite FULL');
  const normal = await perf(sqlite('perf-normal', 'NORMAL'), 'sqlite NORMAL');
  const memory = await perf(getRxStorageMemory() as RxStorage<unknown, unknown>, 'memory');
  serialInserts.normal = normal['serial-inserts-50'] as number;
  serialInserts.memory = memory['serial-inserts-50'] as number;
  console.log(
    `\n${'metric (ms)'.padEnd(26)}${'FULL'.padStart(9)}${'NORMAL'.padStart(9)}${'memory'.padStart(9)}  FULL/mem  NORMAL/mem`,
  );
  const logs: number[] = [];
  for (const [name, value] of Object.entries(full)) {
    if (typeof value !== 'number' || name === 'collectionsAmount' || name === 'docsAmount')
      continue;
    const n = normal[name] as number;
    const m = memory[name] as number;
    console.log(
      `${name.padEnd(26)}${value.toFixed(2).padStart(9)}${n.toFixed(2).padStart(9)}${m.toFixed(2).padStart(9)}  ${(value / m).toFixed(2).padStart(8)}  ${(n / m).toFixed(2).padStart(10)}`,
    );
    const target = TARGETS[name];
    if (target === undefined) continue;
    logs.push(Math.log(value / m));
    metrics[`ratio.${name}`] = {
      value: value / m,
      unit: '×',
      target,
      better: 'lower',
      note: `${value} ms vs ${m} ms`,
    };
    metrics[`sync.normal.ratio.${name}`] = {
      value: n / m,
      unit: '×',
      better: 'lower',
      note: 'synchronous NORMAL',
    };
  }
  metrics['ratio.geomean'] = {
    value: Math.exp(logs.reduce((a, b) => a + b, 0) / logs.length),
    unit: '×',
    target: 4,
    better: 'lower',
    note: 'of the eight ratios above (FULL)',
  };
}

/** The mean of the lowest 5% (at least one), the statistic runPerformanceTests reports. */
function lowest5(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  const kept = sorted.slice(0, Math.max(1, sorted.length - Math.floor(sorted.length * 0.95)));
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}

/** A WAL frame: one 4 KiB page plus its 24-byte header. */
const WAL_FRAME = 4096 + 24;

/**
 * `frames` WAL frames appended and fsynced, 400 times, in the folder the benchmark's databases
 * live in: the least a durable commit of that size costs on this machine.
 */
function measureFsyncFloor(frames: number): void {
  const file = path.join(root, 'fsync-floor.bin');
  const commit = Buffer.alloc(frames * WAL_FRAME, 7);
  const fd = fs.openSync(file, 'w');
  const times: number[] = [];
  try {
    for (let i = 0; i < 400; i++) {
      const started = performance.now();
      fs.writeSync(fd, commit, 0, commit.length, i * commit.length);
      fs.fsyncSync(fd);
      times.push(performance.now() - started);
    }
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
  const floor = lowest5(times);
  metrics['sync.fsync_floor_ms'] = {
    value: floor,
    unit: 'ms',
    better: 'lower',
    note: `append ${frames} WAL frames + fsync, mean of lowest 5%`,
  };
  metrics['floor.ratio.serial-inserts-50'] = {
    value: (serialInserts.normal + 50 * floor) / serialInserts.memory,
    unit: '×',
    better: 'lower',
    note: 'NORMAL + 50 fsync floors, over memory: FULL cannot go below',
  };
}

interface Patient {
  id: string;
  centerId: string;
  lastName: string;
  mobile: string;
  createdAt: number;
  note: string;
}

const patientSchema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 26 },
    centerId: { type: 'string', maxLength: 12 },
    lastName: { type: 'string', maxLength: 40 },
    mobile: { type: 'string', maxLength: 11 },
    createdAt: { type: 'integer', minimum: 0, maximum: 10_000_000_000_000, multipleOf: 1 },
    note: { type: 'string' },
  },
  required: ['id', 'centerId', 'lastName', 'mobile', 'createdAt', 'note'],
  indexes: [['centerId', 'lastName'], 'mobile', 'createdAt'],
} as const satisfies RxJsonSchema<Patient>;

const LAST_NAMES = [
  'محمدی',
  'حسینی',
  'احمدی',
  'رضایی',
  'کریمی',
  'موسوی',
  'Smith',
  'Nguyen',
  'Ali',
  'جعفری',
];
const BASE_TIME = 1_700_000_000_000;

function patient(i: number): Patient {
  // Time-ordered ids, like the ULIDs the desk makes.
  return {
    id: `p${i.toString(36).padStart(8, '0')}${(i * 2654435761).toString(36).slice(-6)}`,
    centerId: `c${i % 3}`,
    lastName: `${LAST_NAMES[i % LAST_NAMES.length]} ${(i * 7919) % 100_000}`,
    mobile: `09${String((i * 48271) % 1_000_000_000).padStart(9, '0')}`,
    createdAt: BASE_TIME + i * 1000,
    note: 'پرونده ساخته شد از پذیرش؛ بیمار با بیمه تکمیلی',
  };
}

async function measureSync(): Promise<void> {
  console.log('\nSerial single-document commits, storage level…');
  let framesPerCommit = 1;
  const schema = fillWithDefaultSettings(patientSchema as unknown as RxJsonSchema<Patient>);
  for (const level of ['FULL', 'NORMAL'] as const) {
    const instance = await sqlite(`sync-${level}`, level).createStorageInstance<Patient>({
      databaseInstanceToken: 'bench',
      databaseName: 'sync',
      collectionName: 'patients',
      schema,
      options: {},
      multiInstance: false,
      devMode: false,
    });
    const writes = 300;
    const wal = `${path.join(root, `sync-${level}`, defaultFileName('sync'))}-wal`;
    let walBefore = 0;
    const started = performance.now();
    for (let i = 0; i < writes; i++) {
      // WAL growth over 100 commits (well below the 1000-page auto-checkpoint): frames per commit.
      if (level === 'FULL' && i === 10) walBefore = fs.statSync(wal).size;
      if (level === 'FULL' && i === 110)
        framesPerCommit = Math.max(
          1,
          Math.round((fs.statSync(wal).size - walBefore) / 100 / WAL_FRAME),
        );
      const document = {
        ...patient(i),
        _deleted: false,
        _attachments: {},
        _rev: '1-a',
        _meta: { lwt: now() },
      };
      await instance.bulkWrite([{ document }], 'bench');
    }
    const perCommit = (performance.now() - started) / writes;
    metrics[`sync.${level.toLowerCase()}_commit_ms`] = {
      value: perCommit,
      unit: 'ms',
      better: 'lower',
      note: 'one document per bulkWrite',
    };
    await instance.remove();
  }
  metrics['sync.wal_frames_per_commit'] = {
    value: framesPerCommit,
    unit: 'frames',
    better: 'lower',
    note: 'one patient document per bulkWrite',
  };
  measureFsyncFloor(framesPerCommit);
}

async function generate(dir: string): Promise<void> {
  const schema = fillWithDefaultSettings(patientSchema as unknown as RxJsonSchema<Patient>);
  const instance: RxStorageInstance<Patient, unknown, unknown> = await sqlite(
    dir,
    'NORMAL',
  ).createStorageInstance<Patient>({
    databaseInstanceToken: 'bench',
    databaseName: 'scale',
    collectionName: 'patients',
    schema,
    options: {},
    multiInstance: false,
    devMode: false,
  });
  const started = performance.now();
  for (let from = 0; from < SCALE_DOCS; from += BATCH) {
    const lwt = now();
    const rows = Array.from({ length: BATCH }, (_, k) => ({
      document: {
        ...patient(from + k),
        _deleted: false,
        _attachments: {},
        _rev: '1-a',
        _meta: { lwt },
      },
    }));
    const result = await instance.bulkWrite(rows, 'bench-generate');
    if (result.error.length > 0) throw new Error('generation failed');
  }
  await instance.close();
  console.log(
    `  generated ${SCALE_DOCS} documents in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function scale(): Promise<void> {
  console.log(`\nScale: ${SCALE_DOCS} documents…`);
  await generate('scale');
  const storage = sqlite('scale', 'FULL');
  const opened = performance.now();
  const db = await createRxDatabase<{ patients: RxCollection<Patient> }>({
    name: 'scale',
    storage,
    multiInstance: false,
    eventReduce: true,
  });
  await db.addCollections({ patients: { schema: patientSchema } });
  metrics['scale.open_ms'] = {
    value: performance.now() - opened,
    unit: 'ms',
    target: 1000,
    better: 'lower',
    note: 'createRxDatabase + addCollections',
  };

  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const from = `${LAST_NAMES[i % LAST_NAMES.length]} ${(i * 4099) % 90_000}`;
    const t = performance.now();
    const found = await db.patients
      .find({
        selector: { centerId: 'c1', lastName: { $gte: from } },
        sort: [{ centerId: 'asc' }, { lastName: 'asc' }],
        limit: 50,
      })
      .exec();
    times.push(performance.now() - t);
    if (found.length !== 50) throw new Error(`query returned ${found.length}`);
  }
  times.sort((a, b) => a - b);
  metrics['scale.query50_p50_ms'] = { value: percentile(times, 50), unit: 'ms', better: 'lower' };
  metrics['scale.query50_p95_ms'] = {
    value: percentile(times, 95),
    unit: 'ms',
    target: 5,
    better: 'lower',
  };

  const counts: number[] = [];
  for (let i = 0; i < 20; i++) {
    const from = BASE_TIME + (i * (QUICK ? 4_000 : 37_000) + 1000) * 1000;
    const t = performance.now();
    const n = await db.patients
      .count({ selector: { createdAt: { $gte: from, $lt: from + 10_000 * 1000 } } })
      .exec();
    counts.push(performance.now() - t);
    if (n !== 10_000) throw new Error(`count returned ${n}`);
  }
  counts.sort((a, b) => a - b);
  metrics['scale.count_ms'] = {
    value: percentile(counts, 50),
    unit: 'ms',
    target: 10,
    better: 'lower',
    note: 'median of 20 COUNTs of 10,000 index entries',
  };
  await db.close();
}

try {
  await comparePerformance();
  await measureSync();
  await scale();
  metrics['scale.peak_rss_mb'] = {
    value: process.resourceUsage().maxRSS / 1024,
    unit: 'MB',
    target: 400,
    better: 'lower',
    note: 'whole bench process',
  };
  writeReport('storage', metrics);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
