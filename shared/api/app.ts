import { z } from 'zod';
import { method, returns } from './method';

/** What the back office knows about the running installation. */
export interface AppInfo {
  productVersion: string;
  /** Which host serves the UI: Electron's window or the node-host in a browser. */
  host: 'electron' | 'node-host' | 'test';
  /** The RxDB storage in use (`sqlite` for the durable one, `memory` where it is not yet used). */
  storage: string;
  dataDir: string;
  deviceId: string;
  centerId: string;
}

export const appMethods = {
  'app.info': method({
    public: true,
    description: 'Version, host, storage and identity of this installation.',
    args: z.object({}).default({}),
    result: returns<AppInfo>(),
  }),
};
