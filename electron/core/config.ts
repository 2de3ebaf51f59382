/**
 * Where the desk keeps its data, and the identity of this installation.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { newId } from './ids';

export const PRODUCT_DIR_NAME = 'clinic-desk';

/**
 * The default data folder, the same place Electron's `app.getPath('userData')` points to for this
 * product, so that both hosts (Electron and the node-host) share one folder:
 * Windows `%APPDATA%\clinic-desk`, macOS `~/Library/Application Support/clinic-desk`,
 * Linux `$XDG_CONFIG_HOME/clinic-desk` (or `~/.config/clinic-desk`).
 * `CLINIC_DATA_DIR` overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CLINIC_DATA_DIR) return path.resolve(env.CLINIC_DATA_DIR);
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_DIR_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', PRODUCT_DIR_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_DIR_NAME);
  }
}

/** Who this installation is. Made once, on first start, and kept in `device.json`. */
export interface DeviceIdentity {
  deviceId: string;
  /** The center this desk belongs to; a local placeholder until the desk is enrolled. */
  centerId: string;
  createdAt: string;
}

/** Writes a file so that a crash leaves either the old or the new content, never a torn one. */
export function writeFileAtomic(file: string, content: string): void {
  const tmp = `${file}.${randomUUID()}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export function saveDeviceIdentity(dataDir: string, identity: DeviceIdentity): void {
  writeFileAtomic(path.join(dataDir, 'device.json'), `${JSON.stringify(identity, null, 2)}\n`);
}

export function loadDeviceIdentity(dataDir: string): DeviceIdentity {
  const file = path.join(dataDir, 'device.json');
  if (fs.existsSync(file)) {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DeviceIdentity>;
    if (parsed.deviceId && parsed.centerId && parsed.createdAt) return parsed as DeviceIdentity;
    throw new Error(`${file} is damaged: it lacks deviceId, centerId or createdAt`);
  }
  const identity: DeviceIdentity = {
    deviceId: newId(),
    centerId: newId(),
    createdAt: new Date().toISOString(),
  };
  fs.mkdirSync(dataDir, { recursive: true });
  saveDeviceIdentity(dataDir, identity);
  return identity;
}
