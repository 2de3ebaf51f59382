// `npm start`: runs the back office with embedded defaults.
// - Builds what is missing or out of date (dist/).
// - Where Electron's binary is installed, opens the desktop window, with better-sqlite3 built for
//   Electron's ABI into .cache/electron-native/ (node_modules keeps the Node build tests use).
// - Where it is not (these build machines cannot download it), says so and serves the same back
//   office to a browser through the node-host on 127.0.0.1, printing the address to open.
// Environment: CLINIC_DATA_DIR, CLINIC_PORT, CLINIC_BROWSER=1 (skip Electron even if present).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['renderer', 'electron', 'shared'];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale() {
  const stamp = path.join(root, 'dist', '.build-stamp');
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  return SOURCE_DIRS.some((d) => newestMtime(path.join(root, d)) > built);
}

/** Electron's binary if it was downloaded; never triggers the download itself. */
function electronBinary() {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  // Same override Electron's own launcher honours.
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkgDir, 'dist');
  const binary = path.join(distDir, relative);
  return fs.existsSync(binary) ? binary : null;
}

/**
 * better-sqlite3 compiled for Electron's ABI, kept apart from node_modules' Node build. Built once
 * per Electron version by copying the package and running prebuild-install (or node-gyp) for
 * Electron there.
 */
function electronSqliteBinding() {
  const electronVersion = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  const cacheDir = path.join(root, '.cache', 'electron-native', electronVersion);
  const binding = path.join(cacheDir, 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;
  const work = path.join(cacheDir, 'better-sqlite3');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true });
  fs.rmSync(path.join(work, 'build'), { recursive: true, force: true });
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once)…`);
  const prebuild = path.join(root, 'node_modules', '.bin', 'prebuild-install');
  let ok =
    fs.existsSync(prebuild) &&
    spawnSync(
      prebuild,
      ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`],
      {
        cwd: work,
        stdio: 'inherit',
      },
    ).status === 0;
  if (!ok) {
    const r = spawnSync(
      'npx',
      [
        '--yes',
        'node-gyp',
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_runtime: 'electron' } },
    );
    ok = r.status === 0;
  }
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!ok || !fs.existsSync(built)) return null;
  fs.copyFileSync(built, binding);
  return binding;
}

async function runInBrowser(reason) {
  console.log(
    `\n${reason}\nServing the back office to your browser instead (same app, same data folder).\n`,
  );
  const { runNodeHost } = await import(path.join(root, 'dist', 'node-host', 'cli.mjs'));
  const { host, dataDir } = await runNodeHost({ staticDir: path.join(root, 'dist', 'renderer') });
  console.log(`Data folder: ${dataDir}`);
  console.log(`Open this address in Chrome, Edge or Firefox:\n\n  ${host.openUrl}\n`);
  console.log('Press Ctrl+C to stop.');
}

if (buildIsStale()) {
  console.log('Building the app…');
  await buildAll();
}

const binary = process.env.CLINIC_BROWSER === '1' ? null : electronBinary();
if (!binary) {
  await runInBrowser(
    process.env.CLINIC_BROWSER === '1'
      ? 'CLINIC_BROWSER=1: not opening the Electron window.'
      : "Electron's binary is not installed on this machine (it could not be downloaded), so the desktop window cannot open.",
  );
} else {
  const binding = electronSqliteBinding();
  if (!binding) {
    await runInBrowser('better-sqlite3 could not be built for Electron on this machine.');
  } else {
    const child = spawn(binary, [root], {
      stdio: 'inherit',
      env: { ...process.env, CLINIC_SQLITE_BINDING: binding },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
