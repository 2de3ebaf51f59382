/**
 * `npm run bench:money` on the large generated clinic with 2,000,000 ledger entries: the debtors
 * list, a cashier's day close, and the stock level of every good. Printed and written to
 * bench-results/money.json, never asserted.
 */
import { createCore } from '../../electron/core/create-core';
import { seedLargeMoney } from './large-money';
import { writeReport } from './report';

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))]!;
}

async function timed(times: number, run: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    out.push(performance.now() - t);
  }
  return out;
}

const dataDir = await seedLargeMoney();
const core = await createCore({ dataDir, host: 'test' });
try {
  const t = performance.now();
  await core.whenIdle();
  console.log(`running totals loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const debtors = await timed(30, () =>
    core.call('cashier.balances', { side: 'debtors', limit: 50 }),
  );
  const levels = await timed(30, () => core.call('stock.levels', {}));

  // A cashier's day: open a box, take 200 payments, close it. The close is what is measured.
  const patients = (await core.call('patients.search', { query: '', limit: 200 })).items;
  const close: number[] = [];
  for (let round = 0; round < 5; round++) {
    await core.call('cashier.openBox', { openingRial: 2_000_000 });
    for (const p of patients)
      await core.call('cashier.receive', { patientId: p.id, amountRial: 100_000, method: 'cash' });
    const started = performance.now();
    await core.call('cashier.closeBox', { countedRial: 2_000_000 + 100_000 * patients.length });
    close.push(performance.now() - started);
  }
  const rows = (await core.call('cashier.balances', { side: 'debtors', limit: 1 })).total;
  writeReport('money', {
    debtors_ms: {
      value: p95(debtors),
      unit: 'ms',
      target: 200,
      better: 'lower',
      note: `p95; ${rows} debtors, 2,000,000 ledger entries`,
    },
    day_close_ms: {
      value: p95(close),
      unit: 'ms',
      target: 100,
      better: 'lower',
      note: 'p95; 200 entries in the box',
    },
    stock_levels_ms: {
      value: p95(levels),
      unit: 'ms',
      target: 100,
      better: 'lower',
      note: 'p95; 400 goods × 3 warehouses',
    },
  });
} finally {
  await core.close();
}
