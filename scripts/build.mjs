// Builds everything `npm start` and packaging need into dist/:
//   dist/renderer/           the back office UI (Vite)
//   dist/portal/             the patient portal SPA the sync server serves (Vite)
//   dist/electron/main.mjs   Electron's main process (esbuild; node_modules stay external)
//   dist/electron/preload.cjs the sandboxed preload (one CommonJS file)
//   dist/node-host/cli.mjs   the browser host for machines without Electron
//   dist/sync-server/main.mjs the central sync server
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

/**
 * One Vite production build of the app whose config is `configFile`, into `outDir`. Always React's
 * production build and production JSX: under vitest NODE_ENV is 'test', which Vite and the React
 * plugin would both honour (a development bundle, twice the size and not what ships).
 */
async function productionBuild(configFile, outDir, quiet) {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await viteBuild({
      configFile,
      mode: 'production',
      logLevel: quiet ? 'warn' : 'info',
      // Vite resolves a relative outDir against the app's root, not the working directory.
      build: { outDir: path.resolve(outDir), emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return path.resolve(outDir);
}

export async function buildRenderer({ outDir = path.join(dist, 'renderer'), quiet = false } = {}) {
  return productionBuild(path.join(root, 'renderer', 'vite.config.ts'), outDir, quiet);
}

/**
 * Builds the patient portal into `outDir` and returns its JavaScript files with their sizes (raw
 * and gzip), largest first; unless `quiet`, prints them. The portal's booking path has a 250 KB gzip
 * budget (`npm run bench:portal` follows the chunks of each route through `.vite/manifest.json`).
 */
export async function buildPortal({ outDir = path.join(dist, 'portal'), quiet = false } = {}) {
  outDir = await productionBuild(
    path.join(root, 'sync-server', 'portal', 'vite.config.ts'),
    outDir,
    quiet,
  );
  const assets = path.join(outDir, 'assets');
  const files = fs
    .readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => {
      const data = fs.readFileSync(path.join(assets, name));
      return { file: `assets/${name}`, bytes: data.length, gzip: zlib.gzipSync(data).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  if (!quiet) {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
    console.log('portal JavaScript      raw      gzip');
    for (const f of files) console.log(`${kb(f.bytes)} ${kb(f.gzip)}  ${f.file}`);
    const total = files.reduce((sum, f) => sum + f.gzip, 0);
    console.log(`all chunks, gzip: ${kb(total)}`);
  }
  return { outDir, files };
}

export async function buildNode() {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    absWorkingDir: root,
  };
  await esbuild({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: 'dist/electron/main.mjs',
    format: 'esm',
    packages: 'external',
  });
  await esbuild({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  });
  await esbuild({
    ...common,
    entryPoints: ['sync-server/src/main.ts'],
    outfile: 'dist/sync-server/main.mjs',
    format: 'esm',
    packages: 'external',
  });
  await esbuild({
    ...common,
    entryPoints: ['electron/node-host/main.ts'],
    outfile: 'dist/node-host/cli.mjs',
    format: 'esm',
    packages: 'external',
  });
}

export async function buildAll() {
  await buildRenderer();
  await buildPortal();
  await buildNode();
  fs.writeFileSync(path.join(dist, '.build-stamp'), new Date().toISOString());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildAll();
  console.log('built into dist/');
}
