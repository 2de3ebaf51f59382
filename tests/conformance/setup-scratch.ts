/**
 * Prepares a scratch folder (outside this repository) for running RxDB's storage conformance tests
 * against our sqlite storage: steps 1–5 of README.md. The RxDB test files themselves (step 6) are
 * not fetched here: put them into `<scratch>/test/unit/` by hand, unchanged, then run step 7.
 *
 * Usage: npx tsx tests/conformance/setup-scratch.ts /work/scratch/rxdb-conformance
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..', '..');
const scratch = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || scratch.startsWith(repo)) {
  throw new Error('usage: setup-scratch.ts <folder outside the repository>');
}

const STORAGE_FILES = [
  'index.ts',
  'index-key.ts',
  'query-runner.ts',
  'rx-storage-sqlite.ts',
  'sqlite-file.ts',
  'storage-instance.ts',
  'table-store.ts',
];

const SHIM = `// rxdb 17 no longer exports two helpers that the 16.x test files import.
export * from '../../node_modules/rxdb/dist/esm/index.js';
export function getAttachmentSize(base64) {
  return atob(base64).length;
}
export function getBlobSize(blob) {
  return blob.size;
}
`;

const CONFIG = `// Written for our storage, not copied from RxDB. CONFORMANCE_STORAGE=memory gives the baseline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addRxPlugin } from '../../plugins/core/index.mjs';
import { RxDBDevModePlugin, disableWarnings } from '../../plugins/dev-mode/index.mjs';
import { wrappedValidateAjvStorage } from '../../plugins/validate-ajv/index.mjs';
import { getRxStorageMemory } from '../../plugins/storage-memory/index.mjs';
import { setConfig, getConfig } from '../../plugins/test-utils/index.mjs';
import { getRxStorageSqlite } from 'clinic-rx-storage-sqlite';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);

const useMemory = process.env.CONFORMANCE_STORAGE === 'memory';
const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxdb-conformance-'));
const storage = useMemory ? getRxStorageMemory() : getRxStorageSqlite({ databaseDir });
const name = useMemory ? 'memory' : 'clinic-sqlite';

setConfig({
  storage: {
    name,
    getStorage: () => wrappedValidateAjvStorage({ storage }),
    getPerformanceStorage: () => ({ storage, description: name }),
    hasPersistence: true,
    hasMultiInstance: true,
    hasAttachments: true,
    hasReplication: true,
    init: () => undefined,
  } as any,
});

export function describeParallel(title: string, run: () => void): void {
  describe(title, run);
}
export function getRootPath(): string {
  return path.resolve(import.meta.dirname, '..', '..');
}
const config = getConfig();
export default config;
`;

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { cwd: scratch, stdio: 'inherit' });
}

fs.mkdirSync(path.join(scratch, 'test', 'unit'), { recursive: true });
fs.writeFileSync(
  path.join(scratch, 'package.json'),
  '{\n  "private": true,\n  "type": "module"\n}\n',
);
run('npm', [
  'install',
  '--no-audit',
  '--no-fund',
  'rxdb@17.6.0',
  'rxjs@7',
  'mocha@11',
  'tsx',
  'async-test-util@2.5.0',
]);

// The compiled better-sqlite3 addon cannot be downloaded here: reuse this repository's build.
for (const dep of ['better-sqlite3', 'bindings', 'file-uri-to-path']) {
  fs.cpSync(path.join(repo, 'node_modules', dep), path.join(scratch, 'node_modules', dep), {
    recursive: true,
  });
}

const pkg = path.join(scratch, 'storage-pkg');
fs.rmSync(pkg, { recursive: true, force: true });
fs.mkdirSync(pkg);
for (const file of STORAGE_FILES) {
  fs.copyFileSync(path.join(repo, 'electron', 'core', 'storage', file), path.join(pkg, file));
}
const peers = { rxdb: '17.6.0', rxjs: '^7.8.2', 'better-sqlite3': '^12.11.1' };
const manifest = {
  name: 'clinic-rx-storage-sqlite',
  version: '0.0.0',
  type: 'module',
  main: 'index.ts',
  peerDependencies: peers,
};
fs.writeFileSync(path.join(pkg, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
fs.rmSync(path.join(scratch, 'node_modules', 'clinic-rx-storage-sqlite'), {
  recursive: true,
  force: true,
});
run('npm', ['install', '--no-audit', '--no-fund', '--install-links', './storage-pkg']);

for (const link of ['src', 'plugins'])
  fs.rmSync(path.join(scratch, link), { recursive: true, force: true });
fs.symlinkSync('node_modules/rxdb/src', path.join(scratch, 'src'));
fs.mkdirSync(path.join(scratch, 'plugins', 'core'), { recursive: true });
for (const plugin of fs.readdirSync(path.join(scratch, 'node_modules', 'rxdb', 'plugins'))) {
  if (plugin !== 'core')
    fs.symlinkSync(`../node_modules/rxdb/plugins/${plugin}`, path.join(scratch, 'plugins', plugin));
}
fs.writeFileSync(path.join(scratch, 'plugins', 'core', 'index.mjs'), SHIM);
fs.writeFileSync(path.join(scratch, 'test', 'unit', 'config.ts'), CONFIG);
console.log(
  `Ready. Put RxDB's test files into ${path.join(scratch, 'test', 'unit')} (README step 6), then run step 7.`,
);
