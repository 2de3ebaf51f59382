/**
 * Every document change must go through DocWriter (and so into the audit log). This scans the core
 * for direct writes to collections outside the few places allowed to make them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const CORE = path.resolve(import.meta.dirname, '..');
const ALLOWED = new Set([
  'write/doc-writer.ts', // the write path itself
  'audit/audit-writer.ts', // appends the audit entries
  'sync/service.ts', // moves local documents into the center at enrollment (not a staff action)
  'db/migrations/migration-test-kit.ts', // builds old-version databases for migration tests
]);
const DIRECT_WRITE =
  /(?<!writer)\.(insert|bulkInsert|upsert|bulkUpsert|incrementalUpsert|incrementalPatch|incrementalModify|incrementalRemove|patch|modify|remove|bulkRemove)\(/;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'storage' ? [] : files(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

it('has no direct collection writes outside the write path', () => {
  const offenders = files(CORE)
    .map((f) => path.relative(CORE, f).split(path.sep).join('/'))
    .filter((rel) => !ALLOWED.has(rel))
    .filter((rel) => DIRECT_WRITE.test(fs.readFileSync(path.join(CORE, rel), 'utf8')));
  expect(offenders).toEqual([]);
});
