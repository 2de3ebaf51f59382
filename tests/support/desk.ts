import { createCore, type Core, type CoreOptions } from '../../electron/core/create-core';
import { startNodeHost, type NodeHost } from '../../electron/node-host/server';
import { TEST_RENDERER_DIR } from './paths';
import { tempDir } from './temp';

export interface TestDesk {
  core: Core;
  host: NodeHost;
  dataDir: string;
  close(): Promise<void>;
}

/** A desktop core on a fresh data folder, served by a node-host on a free port. */
export async function startTestDesk(options: Partial<CoreOptions> = {}): Promise<TestDesk> {
  const temp = tempDir('clinic-desk-');
  const core = await createCore({
    dataDir: temp.dir,
    host: 'node-host',
    devMode: true,
    ...options,
  });
  const host = await startNodeHost({ core, staticDir: TEST_RENDERER_DIR, port: 0 });
  return {
    core,
    host,
    dataDir: temp.dir,
    async close() {
      await host.close();
      await core.close();
      temp.remove();
    },
  };
}
