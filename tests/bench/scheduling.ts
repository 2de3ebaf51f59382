/**
 * `npm run bench:scheduling` on the large generated clinic (tests/bench/large-clinic.ts):
 * a provider's week view query, patient search by name fragment / national id / mobile, and the
 * desk's first paint after start (core opening the database + node-host + the first screen drawn in
 * Chromium). Figures are printed and written to bench-results/scheduling.json, never asserted.
 */
import path from 'node:path';
import { createCore } from '../../electron/core/create-core';
import { startNodeHost } from '../../electron/node-host/server';
import { buildRenderer } from '../../scripts/build.mjs';
import { launchChromium } from '../support/browser';
import { ROOT } from '../support/paths';
import { LARGE, mobileFor, nationalIdFor, seedLargeClinic } from './large-clinic';
import { writeReport } from './report';

const SAMPLES = 200;

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))]!;
}

async function timed(times: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run(i);
    out.push(performance.now() - t);
  }
  return out;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// The bench only reads, so it opens the generated clinic in place (a copy is 3–4 GB).
const dataDir = await seedLargeClinic();
const rendererDir = path.join(ROOT, 'dist', 'bench-renderer');
await buildRenderer({ outDir: rendererDir, quiet: true });
const browser = await launchChromium();

try {
  // First paint: from opening the core to the first screen's rows drawn.
  const t0 = performance.now();
  const core = await createCore({ dataDir, host: 'node-host' });
  const host = await startNodeHost({ core, staticDir: rendererDir, port: 0 });
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  // Straight to the patients list (the token cookie is set as the printed link would set it).
  await page
    .context()
    .addCookies([{ name: 'clinic_desk_token', value: host.token, url: host.origin }]);
  await page.goto(`${host.origin}/#/patients`);
  await page.locator('.MuiDataGrid-row').first().waitFor({ timeout: 60_000 });
  const firstPaint = (performance.now() - t0) / 1000;
  console.log(`first paint ${firstPaint.toFixed(2)} s; waiting for the search index…`);

  // Let the in-memory search index finish loading, as it has on a desk in use.
  const tIndex = performance.now();
  await core.whenIdle();
  console.log(`search index loaded in ${((performance.now() - tIndex) / 1000).toFixed(1)} s`);
  console.log('measuring queries…');
  const providers = (await core.dump('staff')).map((s) => String(s.id));
  const week = await timed(SAMPLES, (i) =>
    core.call('appointments.list', {
      providerId: providers[i % providers.length],
      from: addDays(LARGE.firstDay, (i * 37) % (LARGE.days - 7)),
      to: addDays(LARGE.firstDay, ((i * 37) % (LARGE.days - 7)) + 6),
      limit: 500,
    }),
  );
  const fragments = [
    'کریم',
    'زهرا احمد',
    'موسو',
    'نیک‌نام',
    'علی رضا',
    'پاکز',
    'هاشمی مه',
    'ساراکاظ',
    'زاده',
    'یزدان',
  ];
  const name = await timed(SAMPLES, (i) =>
    core.call('patients.search', { query: fragments[i % fragments.length]!, limit: 50 }),
  );
  const nid = await timed(SAMPLES, (i) =>
    core.call('patients.search', {
      query: nationalIdFor(((i * 997) % LARGE.patients) * 7919),
      limit: 50,
    }),
  );
  const mobile = await timed(SAMPLES, (i) =>
    core.call('patients.search', {
      query: `0${mobileFor((i * 991) % LARGE.patients).slice(3)}`,
      limit: 50,
    }),
  );

  await page.close();
  await host.close();
  await core.close();

  writeReport('scheduling', {
    week_view_p95_ms: {
      value: p95(week),
      unit: 'ms',
      target: 30,
      better: 'lower',
      note: 'provider week, appointments.list',
    },
    search_name_p95_ms: {
      value: p95(name),
      unit: 'ms',
      target: 30,
      better: 'lower',
      note: `${LARGE.patients} patients`,
    },
    search_nid_p95_ms: { value: p95(nid), unit: 'ms', target: 30, better: 'lower' },
    search_mobile_p95_ms: { value: p95(mobile), unit: 'ms', target: 30, better: 'lower' },
    desk_first_paint_s: {
      value: firstPaint,
      unit: 's',
      target: 2,
      better: 'lower',
      note: `${LARGE.appointments} appointments`,
    },
  });
} finally {
  await browser.close();
}
