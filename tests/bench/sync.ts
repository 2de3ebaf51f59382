/**
 * `npm run bench:sync`: the replication loop on loopback with a real server and real desks.
 * - pull_100k_s: a freshly enrolled desk's first full pull of 100,000 documents;
 * - push_10k_s: pushing 10,000 writes made offline;
 * - live_p50_ms / live_p95_ms: a patient saved on desk A appears on desk B (A → server → B).
 */
import { patientSearchText, patientSortName, type Patient } from '../../shared/domain/patients';
import { startSyncRig } from '../support/sync-rig';
import { writeReport } from './report';

const PULL_DOCS = 100_000;
const PUSH_DOCS = 10_000;
const LIVE_SAMPLES = 200;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function patientDoc(i: number, centerId: string, staffId: string): Patient {
  const at = new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString();
  const base = {
    firstName: ['زهرا', 'علی', 'مریم', 'حسین', 'فاطمه'][i % 5]!,
    lastName: `بیمار${i}`,
    nationalId: '',
    mobile: `+98912${String(i).padStart(7, '0')}`,
  };
  return {
    id: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    centerId,
    createdAt: at,
    updatedAt: at,
    updatedBy: staffId,
    deviceId: 'bench-seed',
    ...base,
    gender: i % 2 ? 'male' : 'female',
    birthDate: '',
    notes: '',
    fileNumber: `9-${i}`,
    relatedTo: '',
    relation: '',
    searchText: patientSearchText(base),
    sortName: patientSortName(base),
  };
}

const rig = await startSyncRig();
try {
  // Seed the server directly (the bench measures the desk's pull, not the seeding).
  for (let start = 0; start < PULL_DOCS; start += 5_000) {
    await rig.store.write(async (tx) => {
      for (let i = start; i < Math.min(PULL_DOCS, start + 5_000); i++) {
        const data = patientDoc(i, rig.centerId, rig.managerId);
        await tx.putDocument({
          collection: 'patients',
          id: data.id,
          centerId: rig.centerId,
          deleted: false,
          data: data as unknown as Record<string, unknown>,
          serverTime: new Date().toISOString(),
          deviceId: null,
          pushedHash: null,
        });
      }
    });
  }

  let t = performance.now();
  const a = await rig.addDesk('bench-a');
  await a.core.awaitSynced();
  const pullSeconds = (performance.now() - t) / 1000;
  const pulled = (await a.core.call('patients.search', { query: '', limit: 1 })).total;
  if (pulled !== PULL_DOCS)
    throw new Error(`desk A pulled ${pulled} patients, expected ${PULL_DOCS}`);

  const b = await rig.addDesk('bench-b');
  await b.core.awaitSynced();

  // Live propagation A → server → B.
  const latencies: number[] = [];
  for (let i = 0; i < LIVE_SAMPLES; i++) {
    let resolveSeen: () => void = () => undefined;
    let targetId = '';
    const seen = new Promise<void>((resolve) => (resolveSeen = resolve));
    const off = b.core.on('data-changed', (e) => {
      if (e.collection === 'patients' && e.ids.includes(targetId)) resolveSeen();
    });
    const started = performance.now();
    const p = await a.core.call('patients.create', {
      firstName: 'زنده',
      lastName: `نمونه${i}`,
      mobile: `0935${String(i).padStart(7, '0')}`,
      gender: 'female',
    });
    targetId = p.id;
    await seen;
    latencies.push(performance.now() - started);
    off();
  }

  // Offline writes pushed in one go.
  a.proxy.cut();
  for (let i = 0; i < PUSH_DOCS; i++) {
    await a.core.call('patients.create', {
      firstName: 'آفلاین',
      lastName: `نمونه${i}`,
      mobile: `0936${String(i).padStart(7, '0')}`,
      gender: 'male',
    });
  }
  t = performance.now();
  a.proxy.restore();
  a.core.call('sync.now', {});
  await a.core.awaitSynced();
  while ((await a.core.call('sync.status', {})).pending > 0)
    await new Promise((r) => setTimeout(r, 20));
  const pushSeconds = (performance.now() - t) / 1000;

  writeReport('sync', {
    pull_100k_s: {
      value: pullSeconds,
      unit: 's',
      target: 15,
      better: 'lower',
      note: `${PULL_DOCS} patients`,
    },
    push_10k_s: {
      value: pushSeconds,
      unit: 's',
      target: 10,
      better: 'lower',
      note: `${PUSH_DOCS} offline writes`,
    },
    live_p50_ms: {
      value: percentile(latencies, 50),
      unit: 'ms',
      better: 'lower',
      note: `${LIVE_SAMPLES} samples`,
    },
    live_p95_ms: { value: percentile(latencies, 95), unit: 'ms', target: 300, better: 'lower' },
  });
} finally {
  await rig.close();
}
