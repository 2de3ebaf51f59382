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
  /** How payers' browsers reach this server (gateway callbacks); '' = the listen address. */
  publicUrl: string;
  /** The operator's SMS provider for codes and centers without their own. */
  systemSms: { provider: 'outbox' | 'kavenegar' | 'smsir'; apiKey: string; sender: string };
  /** `smtp://user:pass@host:587`; '' = email goes to the data folder's mail outbox. */
  smtpUrl: string;
  mailFrom: string;
  /** The SMS worker runs every this many ms; 0 = not at all (another instance runs it). */
  workerIntervalMs: number;
  simulatedGateway: boolean;
  /** Outside services' base URLs (sandboxes); '' = the real ones. */
  endpoints: { kavenegar: string; smsir: string; zarinpal: string; zibal: string };
}

function smsProvider(text: string | undefined): ServerConfig['systemSms']['provider'] {
  if (!text || text === 'outbox') return 'outbox';
  if (text === 'kavenegar' || text === 'smsir') return text;
  throw new Error(`SYNC_SMS_PROVIDER is not outbox, kavenegar or smsir: ${text}`);
}

function interval(text: string | undefined): number {
  if (text === undefined || text === '') return 15_000;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`SYNC_WORKER_INTERVAL_MS is not a number: ${text}`);
  return n;
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
    publicUrl: env.SYNC_PUBLIC_URL || '',
    systemSms: {
      provider: smsProvider(env.SYNC_SMS_PROVIDER),
      apiKey: env.SYNC_SMS_API_KEY || '',
      sender: env.SYNC_SMS_SENDER || '',
    },
    smtpUrl: env.SYNC_SMTP_URL || '',
    mailFrom: env.SYNC_MAIL_FROM || '',
    workerIntervalMs: interval(env.SYNC_WORKER_INTERVAL_MS),
    simulatedGateway: env.SYNC_SIMULATED_GATEWAY !== '0',
    endpoints: {
      kavenegar: env.SYNC_KAVENEGAR_URL || '',
      smsir: env.SYNC_SMSIR_URL || '',
      zarinpal: env.SYNC_ZARINPAL_URL || '',
      zibal: env.SYNC_ZIBAL_URL || '',
    },
  };
}
