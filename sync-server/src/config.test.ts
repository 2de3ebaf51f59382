import path from 'node:path';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, readConfig } from './config';

describe('server config', () => {
  it('puts data in an OS data folder unless SYNC_DATA_DIR says otherwise', () => {
    const home = os.homedir();
    expect(defaultDataDir({}, 'linux')).toBe(
      path.join(home, '.local', 'share', 'clinic-sync-server'),
    );
    expect(defaultDataDir({ XDG_DATA_HOME: '/srv/data' }, 'linux')).toBe(
      '/srv/data/clinic-sync-server',
    );
    expect(defaultDataDir({}, 'darwin')).toBe(
      path.join(home, 'Library', 'Application Support', 'clinic-sync-server'),
    );
    expect(defaultDataDir({ PROGRAMDATA: 'C:\\ProgramData' }, 'win32')).toBe(
      path.join('C:\\ProgramData', 'clinic-sync-server'),
    );
    expect(defaultDataDir({ SYNC_DATA_DIR: 'rel/dir' }, 'linux')).toBe(path.resolve('rel/dir'));
  });

  it('reads port, host and the demo switch, refusing a bad port', () => {
    expect(readConfig({})).toMatchObject({ port: 5190, host: '127.0.0.1', seedDemo: false });
    expect(
      readConfig({ SYNC_PORT: '8080', SYNC_HOST: '0.0.0.0', SYNC_SEED_DEMO: '1' }),
    ).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      seedDemo: true,
    });
    expect(() => readConfig({ SYNC_PORT: 'http' })).toThrow(/SYNC_PORT/);
  });

  it('reads the outside services: the outbox and the simulated gateway unless told otherwise', () => {
    expect(readConfig({})).toMatchObject({
      systemSms: { provider: 'outbox', apiKey: '', sender: '' },
      smtpUrl: '',
      workerIntervalMs: 15_000,
      simulatedGateway: true,
      publicUrl: '',
    });
    expect(
      readConfig({
        SYNC_SMS_PROVIDER: 'kavenegar',
        SYNC_SMS_API_KEY: 'k',
        SYNC_WORKER_INTERVAL_MS: '0',
        SYNC_SIMULATED_GATEWAY: '0',
        SYNC_ZARINPAL_URL: 'https://sandbox.zarinpal.com',
      }),
    ).toMatchObject({
      systemSms: { provider: 'kavenegar', apiKey: 'k' },
      workerIntervalMs: 0,
      simulatedGateway: false,
      endpoints: { zarinpal: 'https://sandbox.zarinpal.com' },
    });
    expect(() => readConfig({ SYNC_SMS_PROVIDER: 'idpay' })).toThrow(/SYNC_SMS_PROVIDER/);
  });
});
