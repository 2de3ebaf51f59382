/**
 * The server's settings from the environment, and where it keeps its data by default.
 */
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_DIR_NAME = 'clinic-sync-server';

/**
 * The default data folder, per OS, like the desk's (but a server's data, not a user's settings):
 * Windows `%PROGRAMDATA%\clinic-sync-server` (else `%LOCALAPPDATA%`), macOS
 * `~/Library/Application Support/clinic-sync-server`, Linux `$XDG_DATA_HOME/clinic-sync-server`
 * (or `~/.local/share/clinic-sync-server`). `SYNC_DATA_DIR` overrides it.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.SYNC_DATA_DIR) return path.resolve(env.SYNC_DATA_DIR);
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(
        env.PROGRAMDATA ?? env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'),
        PRODUCT_DIR_NAME,
      );
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', PRODUCT_DIR_NAME);
    default:
      return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), PRODUCT_DIR_NAME);
  }
}

export interface ServerConfig {
  dataDir: string;
  port: number;
  host: string;
  seedDemo: boolean;
  trustProxy: boolean;
  logLevel: string;
}

function port(text: string | undefined): number {
  if (text === undefined || text === '') return 5190;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`SYNC_PORT is not a port: ${text}`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    dataDir: defaultDataDir(env),
    port: port(env.SYNC_PORT),
    host: env.SYNC_HOST || '127.0.0.1',
    seedDemo: env.SYNC_SEED_DEMO === '1',
    trustProxy: env.SYNC_TRUST_PROXY === '1',
    logLevel: env.SYNC_LOG_LEVEL || 'info',
  };
}
