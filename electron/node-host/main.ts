/**
 * Entry of the browser host, bundled to dist/node-host/cli.mjs. `npm start` imports it; it can
 * also run on its own: `node dist/node-host/cli.mjs`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNodeHost } from './cli';

export { runNodeHost };
/** For `npm start`, which enrolls a fresh desk to the demo center before Electron opens it. */
export { createCore } from '../core/create-core';
export { defaultDataDir } from '../core/config';

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { host, dataDir } = await runNodeHost();
  console.log(`Data folder: ${dataDir}`);
  console.log(`Open the back office: ${host.openUrl}`);
}
