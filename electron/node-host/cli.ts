/**
 * Runs the back office in a browser: the core on the local data folder plus the node-host.
 * Environment: CLINIC_DATA_DIR (data folder), CLINIC_PORT (default 5180; 0 = any free port),
 * CLINIC_RENDERER_DIR (built renderer; default dist/renderer).
 */
import path from 'node:path';
import { createCore } from '../core/create-core';
import { defaultDataDir } from '../core/config';
import { startNodeHost } from './server';

export interface RunOptions {
  dataDir?: string;
  port?: number;
  staticDir?: string;
}

export async function runNodeHost(options: RunOptions = {}) {
  const dataDir = options.dataDir ?? defaultDataDir();
  const core = await createCore({ dataDir, host: 'node-host' });
  const staticDir =
    options.staticDir ?? process.env.CLINIC_RENDERER_DIR ?? path.resolve('dist', 'renderer');
  const preferred = options.port ?? Number(process.env.CLINIC_PORT ?? 5180);
  let host;
  try {
    host = await startNodeHost({ core, staticDir, port: preferred });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    host = await startNodeHost({ core, staticDir, port: 0 });
  }
  const shutdown = async () => {
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  return { core, host, dataDir };
}
