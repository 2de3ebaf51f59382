/**
 * Benchmarks print a readable table and write `bench-results/<area>.json`:
 * `{ "<metric>": { "value": 12.3, "unit": "ms", "target": 30, "better": "lower" } }`.
 * Figures are reported, never asserted: these machines are shared and noisy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Metric {
  value: number;
  unit: string;
  target?: number;
  better: 'lower' | 'higher';
  note?: string;
}

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

function meets(m: Metric): string {
  if (m.target === undefined) return '';
  const ok = m.better === 'lower' ? m.value <= m.target : m.value >= m.target;
  return ok ? 'meets' : 'MISSES';
}

export function writeReport(area: string, metrics: Record<string, Metric>): void {
  const rows = Object.entries(metrics).map(([name, m]) => [
    name,
    `${round(m.value)} ${m.unit}`,
    m.target === undefined ? '' : `${m.better === 'lower' ? '≤' : '≥'} ${m.target} ${m.unit}`,
    meets(m),
    m.note ?? '',
  ]);
  const header = ['metric', 'value', 'target', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${area} — ${machineLine()}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  const dir = path.resolve('bench-results');
  fs.mkdirSync(dir, { recursive: true });
  const out = Object.fromEntries(
    Object.entries(metrics).map(([k, m]) => [k, { ...m, value: round(m.value) }]),
  );
  fs.writeFileSync(path.join(dir, `${area}.json`), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`→ bench-results/${area}.json`);
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
