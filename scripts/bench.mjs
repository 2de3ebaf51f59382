// Runs every benchmark (`npm run bench:<area>` runs one). Each writes bench-results/<area>.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const areas = Object.keys(pkg.scripts)
  .filter((s) => s.startsWith('bench:'))
  .map((s) => s.slice('bench:'.length));
let failed = 0;
for (const area of areas) {
  console.log(`\n=== bench:${area} ===`);
  const r = spawnSync('npm', ['run', '--silent', `bench:${area}`], { stdio: 'inherit' });
  if (r.status !== 0) failed += 1;
}
if (areas.length === 0) console.log('no benchmarks yet');
process.exit(failed > 0 ? 1 : 0);
