/**
 * `npm run bench:portal`: builds the patient portal and measures what a phone downloads to book.
 * `booking_js_gzip_kb` is the gzip size of every JavaScript file the booking route loads: the entry
 * chunk and its static imports, the booking page's lazy chunk and its static imports, and the
 * policy notice every page may load — followed through Vite's `.vite/manifest.json`, each file
 * counted once. The budget is 250 KB (issue 9). Figures are written, never asserted.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildPortal } from '../../scripts/build.mjs';
import { ROOT } from '../support/paths';
import { writeReport } from './report';

const BUDGET_KB = 250;
const BOOKING_PAGE = 'src/features/booking/BookingPage.tsx';
/** Lazily loaded by the layout on every page while a new policy version is coming. */
const POLICY_NOTICE = 'src/app/PolicyNotice.tsx';
/** Where the booking page sends the patient next (pay, or see the booking). */
const BOOKING_STATUS = 'src/features/booking/BookingStatusPage.tsx';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The chunk `key` and everything it imports statically (what the browser loads with it). */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the portal's manifest`);
  if (into.has(key)) return into;
  into.add(key);
  for (const dep of chunk.imports ?? []) staticClosure(manifest, dep, into);
  return into;
}

function gzipBytes(outDir: string, file: string): number {
  return zlib.gzipSync(fs.readFileSync(path.join(outDir, file)), { level: 9 }).length;
}

function sizeOf(outDir: string, manifest: Manifest, keys: Set<string>) {
  const js = [...keys].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
  const css = [...new Set([...keys].flatMap((k) => manifest[k]!.css ?? []))];
  const sum = (files: string[]) => files.reduce((n, f) => n + gzipBytes(outDir, f), 0) / 1024;
  return { js, jsKb: sum(js), cssKb: sum(css) };
}

const outDir = path.join(ROOT, 'dist', 'bench-portal');
const { files } = await buildPortal({ outDir, quiet: true });
const manifest = JSON.parse(
  fs.readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8'),
) as Manifest;
const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
if (!entry) throw new Error('the portal build has no entry chunk');

const booking = staticClosure(manifest, entry);
staticClosure(manifest, BOOKING_PAGE, booking);
staticClosure(manifest, POLICY_NOTICE, booking);
const bookingSize = sizeOf(outDir, manifest, booking);
const throughPayment = staticClosure(manifest, BOOKING_STATUS, new Set(booking));
const paymentSize = sizeOf(outDir, manifest, throughPayment);
const allKb = files.reduce((n, f) => n + f.gzip, 0) / 1024;

console.log('booking route JavaScript (gzip):');
for (const file of bookingSize.js) {
  console.log(`  ${(gzipBytes(outDir, file) / 1024).toFixed(1).padStart(6)} KB  ${file}`);
}
const ratio = bookingSize.jsKb / BUDGET_KB;
console.log(
  `booking_js_gzip_kb = ${bookingSize.jsKb.toFixed(1)} KB of the ${BUDGET_KB} KB budget (${(ratio * 100).toFixed(0)}%, ratio ${ratio.toFixed(2)})`,
);

writeReport('portal', {
  booking_js_gzip_kb: {
    value: bookingSize.jsKb,
    unit: 'KB',
    target: BUDGET_KB,
    better: 'lower',
    note: `entry + booking route chunks, ${bookingSize.js.length} files; ${(ratio * 100).toFixed(0)}% of budget`,
  },
  booking_budget_ratio: { value: ratio, unit: '×', target: 1, better: 'lower' },
  booking_then_status_js_gzip_kb: {
    value: paymentSize.jsKb,
    unit: 'KB',
    better: 'lower',
    note: 'plus the booking status / pay page the booking leads to',
  },
  booking_css_gzip_kb: { value: bookingSize.cssKb, unit: 'KB', better: 'lower' },
  all_js_gzip_kb: {
    value: allKb,
    unit: 'KB',
    better: 'lower',
    note: `every chunk of every page, ${files.length} files`,
  },
});
