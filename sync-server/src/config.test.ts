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
});
