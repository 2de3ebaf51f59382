/**
 * `npm run audit:verify [-- <data folder>]`: checks the hash chains of the audit log in a desk's
 * local database and prints every problem (a missing entry, an edited entry, a broken link).
 * Exits 1 when the log was tampered with. Run it while the app is closed.
 */
import path from 'node:path';
import { defaultDataDir } from '../config';
import { createCore } from '../create-core';
import { verifyAuditChains } from '../../../shared/domain/audit';

const dataDir = process.argv[2] ? path.resolve(process.argv[2]) : defaultDataDir();
const core = await createCore({ dataDir, host: 'test' });
try {
  const entries = (await core.dump('audit')) as never[];
  const problems = await verifyAuditChains(entries);
  console.log(`Audit log of ${dataDir}: ${entries.length} entries checked.`);
  for (const p of problems)
    console.log(`  device ${p.deviceId} #${p.seq} [${p.problem}] ${p.message}`);
  console.log(
    problems.length === 0
      ? 'OK: every chain is intact.'
      : `TAMPERED: ${problems.length} problem(s).`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
} finally {
  await core.close();
}
