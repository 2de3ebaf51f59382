/**
 * The desk's enrollment with a sync server, kept in `<dataDir>/sync.json`. The device token is a
 * secret: the file is written with owner-only permissions and never logged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../config';

export interface SyncConfig {
  serverUrl: string;
  deviceId: string;
  deviceToken: string;
  centerId: string;
  centerName: string;
  enrolledAt: string;
  /** The server's licence-signing public key (SPKI DER, base64), pinned at enrollment. */
  licenceKey?: string;
  /** This desk's number in its center: the prefix of the file numbers it gives out. */
  deviceNumber?: number;
}

function file(dataDir: string): string {
  return path.join(dataDir, 'sync.json');
}

export function loadSyncConfig(dataDir: string): SyncConfig | null {
  const f = file(dataDir);
  if (!fs.existsSync(f)) return null;
  const parsed = JSON.parse(fs.readFileSync(f, 'utf8')) as Partial<SyncConfig>;
  if (!parsed.serverUrl || !parsed.deviceToken || !parsed.centerId || !parsed.deviceId) {
    throw new Error(`${f} is damaged; remove it and enroll the desk again`);
  }
  return parsed as SyncConfig;
}

export function saveSyncConfig(dataDir: string, config: SyncConfig): void {
  writeFileAtomic(file(dataDir), `${JSON.stringify(config, null, 2)}\n`);
  fs.chmodSync(file(dataDir), 0o600);
}
