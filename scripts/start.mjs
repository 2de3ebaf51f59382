// `npm start`: runs the whole product with embedded defaults.
// - Builds what is missing or out of date (dist/).
// - Starts the central sync server (embedded SQLite, demo center seeded on first run) unless one
//   already answers on SYNC_PORT, and enrolls a fresh desk to the demo center (CLINIC_DEMO=0: no).
// - Where Electron's binary is installed, opens the desktop window, with better-sqlite3 built for
//   Electron's ABI into .cache/electron-native/ (node_modules keeps the Node build tests use).
// - Where it is not (these build machines cannot download it), says so and serves the same back
//   office to a browser through the node-host on 127.0.0.1, printing the address to open.
// Environment: CLINIC_DATA_DIR, CLINIC_PORT, CLINIC_BROWSER=1 (skip Electron even if present),
// SYNC_PORT, SYNC_DATA_DIR, CLINIC_SYNC=0 (no server, the desk works alone), CLINIC_DEMO=0.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['renderer', 'electron', 'shared', 'sync-server'];

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

const DEMO = { mobile: '09120000000', password: 'demo1234' };
const syncPort = Number(process.env.SYNC_PORT ?? 5190);
const syncUrl = `http://127.0.0.1:${syncPort}`;
let serverOutbox = null;

async function serverAnswers() {
  try {
    const res = await fetch(`${syncUrl}/api/health`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** The sync server as a child process (it is a separate program in production too). */
async function startSyncServer() {
  if (process.env.CLINIC_SYNC === '0') return false;
  if (await serverAnswers()) {
    console.log(`A sync server already answers at ${syncUrl}; using it.`);
    return true;
  }
  const child = spawn(process.execPath, [path.join(root, 'dist', 'sync-server', 'main.mjs')], {
    env: {
      ...process.env,
      SYNC_PORT: String(syncPort),
      SYNC_SEED_DEMO: '1',
      SYNC_LOG_LEVEL: process.env.SYNC_LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout.on('data', (chunk) => {
    const text = chunk.toString();
    process.stdout.write(text.replace(/^/gm, '[sync-server] '));
    const m = /Enrollment codes \(until SMS is set up\): (.+)/.exec(text);
    if (m) serverOutbox = m[1].trim();
  });
  const stop = () => child.kill('SIGTERM');
  process.on('exit', stop);
  process.once('SIGINT', () => process.exit(0));
  process.once('SIGTERM', () => process.exit(0));
  for (let i = 0; i < 100; i++) {
    if (await serverAnswers()) return true;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  console.log('The sync server did not start; the desk works alone.');
  return false;
}

/** The newest enrollment code the server's outbox holds for the demo manager. */
function latestDemoCode() {
  if (!serverOutbox || !fs.existsSync(serverOutbox)) return null;
  const lines = fs.readFileSync(serverOutbox, 'utf8').trim().split('\n').reverse();
  for (const line of lines) {
    try {
      const m = JSON.parse(line);
      const code = /(\d{6})/.exec(m.text ?? '');
      if (m.to === '+989120000000' && code) return code[1];
    } catch {
      // skip a torn line
    }
  }
  return null;
}

/** A desk that has never been enrolled joins the demo center, so a newcomer sees the whole loop. */
async function enrollDemo(core) {
  if (process.env.CLINIC_DEMO === '0') return;
  const info = await core.call('sync.info', {});
  if (info.enrolled) return;
  try {
    const { enrollmentId } = await core.call('sync.enrollStart', {
      serverUrl: syncUrl,
      mobile: DEMO.mobile,
      password: DEMO.password,
      deviceName: 'رایانهٔ نمایشی',
    });
    const code = latestDemoCode();
    if (!code) throw new Error('no code in the outbox');
    await core.call('sync.enrollFinish', { enrollmentId, code });
    console.log('This desk is now enrolled to the demo center «کلینیک نمونه».');
  } catch (error) {
    console.log(
      `Could not enroll this desk to the demo center (${error.message}); use «همگام‌سازی» in the app.`,
    );
  }
}

function printLogin() {
  console.log(`Log in as the demo manager: mobile ${DEMO.mobile}, password ${DEMO.password}`);
}

async function runInBrowser(reason, withSync) {
  console.log(
    `\n${reason}\nServing the back office to your browser instead (same app, same data folder).\n`,
  );
  const { runNodeHost } = await import(path.join(root, 'dist', 'node-host', 'cli.mjs'));
  const { host, dataDir, core } = await runNodeHost({
    staticDir: path.join(root, 'dist', 'renderer'),
  });
  if (withSync) await enrollDemo(core);
  console.log(`Data folder: ${dataDir}`);
  if (withSync) printLogin();
  console.log(`Open this address in Chrome, Edge or Firefox:\n\n  ${host.openUrl}\n`);
  console.log('Press Ctrl+C to stop.');
}

if (buildIsStale()) {
  console.log('Building the app…');
  await buildAll();
}

const withSync = await startSyncServer();
if (withSync) console.log(`Patient portal (the public booking site): ${syncUrl}/`);
const binary = process.env.CLINIC_BROWSER === '1' ? null : electronBinary();
if (!binary) {
  await runInBrowser(
    process.env.CLINIC_BROWSER === '1'
      ? 'CLINIC_BROWSER=1: not opening the Electron window.'
      : "Electron's binary is not installed on this machine (it could not be downloaded), so the desktop window cannot open.",
    withSync,
  );
} else {
  const binding = electronSqliteBinding();
  if (!binding) {
    await runInBrowser('better-sqlite3 could not be built for Electron on this machine.', withSync);
  } else {
    if (withSync) {
      // Enroll before the window opens, with the Node build of the core (Electron is not running yet).
      const { createCore, defaultDataDir } = await import(
        path.join(root, 'dist', 'node-host', 'cli.mjs')
      );
      const core = await createCore({ dataDir: defaultDataDir(), host: 'electron' });
      await enrollDemo(core);
      await core.close();
      printLogin();
    }
    const child = spawn(binary, [root], {
      stdio: 'inherit',
      env: { ...process.env, CLINIC_SQLITE_BINDING: binding },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
