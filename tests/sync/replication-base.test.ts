/**
 * RxDB's own replication base test suite (`runReplicationBaseTestSuite`) against the sync
 * server's real HTTP endpoints, with a registry holding RxDB's 'human' test collection (center-
 * scoped by the device, no actor check). The suite's attachment tests are optional and not run:
 * the wire protocol carries no attachments (our collections have none).
 */
import { afterAll, describe, it } from 'vitest';
import { z } from 'zod';
import { addRxPlugin } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { runReplicationBaseTestSuite, setConfig } from 'rxdb/plugins/test-utils';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { issueDevice, type CollectionRegistry } from '../../sync-server/src/index';
import { startTestServer, type TestServer } from './support/harness';
import {
  allServerDocs,
  replicateOverHttp,
  syncOnceOverHttp,
  type Endpoint,
} from './support/rx-replication';

const HUMAN_REGISTRY: CollectionRegistry = {
  human: {
    docSchema: z.object({
      passportId: z.string().min(1).max(100),
      firstName: z.string().max(100),
      lastName: z.string().max(100),
      age: z.number().int().min(0).max(150).optional(),
    }),
    rxSchema: { primaryKey: 'passportId' },
    centerScope: 'device',
  },
};

// humansCollection.create() opens databases with ignoreDuplicate (dev-mode only) and local documents.
disableWarnings();
addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBLocalDocumentsPlugin);

// The suite is written for mocha: it calls the global describe/it.
Object.assign(globalThis, { describe, it });

setConfig({
  storage: {
    name: 'memory',
    getStorage: () => wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
    getPerformanceStorage: () => ({
      storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
      description: 'memory+ajv',
    }),
    hasPersistence: false,
    hasMultiInstance: false,
    hasAttachments: true,
    hasReplication: true,
  },
});

let server: TestServer | null = null;
let endpoint: Endpoint = { url: '', token: '' };

/** Each test starts on a fresh server and store (the suite calls this first in every test). */
async function freshServer(): Promise<void> {
  await server?.close();
  server = await startTestServer({ collections: HUMAN_REGISTRY, rateLimit: false });
  const url = await server.listen();
  const device = await issueDevice(server.store, {
    centerId: 'test-center',
    name: 'rxdb-suite',
    enrolledBy: 'suite',
  });
  endpoint = { url, token: device.deviceToken };
}

afterAll(async () => {
  await server?.close();
});

describe('sync server under RxDB replication base test suite', () => {
  runReplicationBaseTestSuite({
    startReplication: (collection) => replicateOverHttp(collection, endpoint, true),
    syncOnce: (collection) => syncOnceOverHttp(collection, endpoint),
    getAllServerDocs: () => allServerDocs(endpoint, 'human'),
    cleanUpServer: freshServer,
    softDeletes: true,
    isDeleted: (doc: { _deleted: boolean }) => doc._deleted,
    getPrimaryOfServerDoc: (doc: { passportId: string }) => doc.passportId,
  });
});
