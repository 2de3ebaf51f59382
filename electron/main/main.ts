/**
 * The Electron shell: a hardened window around the same back office the node-host serves.
 * Kept thin and generic on purpose (Electron's binary cannot run on the build machines): the core
 * does the work; this file only wires one IPC channel to it and locks the window down.
 *
 * Hazards: the renderer is treated as untrusted. No Node in it (sandbox, contextIsolation, no
 * nodeIntegration), no navigation away from app://desk, no new windows, no webviews, no
 * permission grants, and IPC answered only for our own frame.
 */
import path from 'node:path';
import fs from 'node:fs';
import { app, BrowserWindow, ipcMain, protocol, session, type WebContents } from 'electron';
import { EVENT_NAMES } from '../../shared/api/events';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/transport';
import { createCore, type Core } from '../core/create-core';
import { serveCall } from '../core/serve';
import { readStatic } from '../core/host/static-files';
import { CONTENT_SECURITY_POLICY } from '../core/host/headers';

const APP_ORIGIN = 'app://desk';
const here = path.dirname(new URL(import.meta.url).pathname);
const rendererDir = process.env.CLINIC_RENDERER_DIR ?? path.resolve(here, '..', 'renderer');
const preloadPath = path.join(here, 'preload.cjs');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

function isOurFrame(url: string | undefined): boolean {
  return typeof url === 'string' && url.startsWith(`${APP_ORIGIN}/`);
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOurFrame(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

async function start(): Promise<void> {
  const dataDir = process.env.CLINIC_DATA_DIR ?? app.getPath('userData');
  fs.mkdirSync(dataDir, { recursive: true });
  // npm start builds better-sqlite3 for Electron's ABI apart from node_modules and passes it here.
  core = await createCore({
    dataDir,
    host: 'electron',
    nativeBinding: process.env.CLINIC_SQLITE_BINDING || undefined,
  });

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);

  protocol.handle('app', (request) => {
    const url = new URL(request.url);
    const file = url.host === 'desk' ? readStatic(rendererDir, url.pathname) : null;
    if (!file) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    });
  });

  ipcMain.handle(IPC_CALL_CHANNEL, (event, request: unknown) => {
    if (!core || !isOurFrame(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'forbidden', message: 'درخواست از پنجرهٔ ناشناخته.' } };
    }
    return serveCall(core, request);
  });

  for (const name of EVENT_NAMES) {
    core.on(name, (payload) => mainWindow?.webContents.send(IPC_EVENT_CHANNEL, name, payload));
  }

  mainWindow = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'میز پذیرش کلینیک',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

if (!app.requestSingleInstanceLock()) {
  // One process per data folder: a second one would open the same database.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.on('window-all-closed', () => app.quit());
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !core) return;
    closing = true;
    event.preventDefault();
    void core.close().finally(() => app.exit(0));
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error(error);
    app.exit(1);
  });
}
