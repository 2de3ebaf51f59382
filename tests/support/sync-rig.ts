/**
 * A central sync server on 127.0.0.1 and desks that talk to it through cuttable proxies: the
 * whole offline/online loop in one process, over real HTTP.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import {
  buildServer,
  createCenter,
  FileOutbox,
  openSqliteStore,
  readLatestCode,
} from '../../sync-server/src/index';
import type { ServerOptions, SyncServer } from '../../sync-server/src/server';
import { createCore } from '../../electron/core/create-core';
import { SYNCED_COLLECTION_NAMES, type SyncedCollectionName } from '../../shared/sync/collections';
import { startProxy, type CuttableProxy } from './proxy';
import { spawnDesk, type DeskCore } from './remote-desk';
import { tempDir } from './temp';

export type DocsByCollection = Record<SyncedCollectionName, Record<string, unknown>[]>;

export const MANAGER = {
  firstName: 'مریم',
  lastName: 'مدیری',
  mobile: '09120000001',
  password: 'test1234',
};

export interface RigDesk {
  core: DeskCore;
  proxy: CuttableProxy;
  dataDir: string;
  /** Runs in the test's own process. */
  local: boolean;
}

export interface SyncRig {
  url: string;
  /** The server itself (its SMS worker, providers…), for tests that drive its workers. */
  app: SyncServer;
  store: Awaited<ReturnType<typeof openSqliteStore>>;
  centerId: string;
  managerId: string;
  /**
   * An enrolled desk with the manager logged in. RxDB allows 13 collections per process: the first
   * desk runs in this process, every further one in a child process (`inProcess` forces either).
   * `now` sets an in-process desk's clock.
   */
  addDesk(name: string, options?: { inProcess?: boolean; now?: () => Date }): Promise<RigDesk>;
  /** A desk on its own data folder, not enrolled yet (in this process). */
  addBareDesk(name: string): Promise<RigDesk>;
  /** The device token a desk holds (for crafted requests in security tests). */
  deviceToken(desk: RigDesk): string;
  /** The newest enrollment code sent to the manager. */
  latestCode(): Promise<string>;
  /** Every live document (not deleted) of every collection of the center, as the server has it. */
  serverDocs(): Promise<DocsByCollection>;
  close(): Promise<void>;
}

export async function startSyncRig(
  options: {
    modules?: string[];
    seats?: number;
    /** More server options (e.g. `smsEndpoints` pointing at a local provider fake). */
    server?: Partial<Omit<ServerOptions, 'store' | 'outbox'>>;
  } = {},
): Promise<SyncRig> {
  const temp = tempDir('clinic-sync-');
  const serverDir = path.join(temp.dir, 'server');
  fs.mkdirSync(serverDir, { recursive: true });
  const store = await openSqliteStore(path.join(serverDir, 'sync.sqlite'));
  const outbox = new FileOutbox(path.join(serverDir, 'outbox'));
  const app = await buildServer({ ...options.server, store, outbox });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const center = await createCenter(store, {
    name: 'کلینیک آزمون',
    type: 'clinic',
    manager: MANAGER,
  });
  if (options.modules || options.seats) {
    // The operator's licence change (npm run server -- licence …), before any desk enrolls.
    await store.write((tx) =>
      app.syncLicences.change(tx, center.centerId, {
        modules: options.modules,
        seats: options.seats,
      }),
    );
  }
  const desks: RigDesk[] = [];

  return {
    url: `http://127.0.0.1:${port}`,
    app,
    store,
    centerId: center.centerId,
    managerId: center.managerStaffId,
    latestCode: () => readLatestCode(outbox, '+989120000001'),
    deviceToken: (desk) =>
      (
        JSON.parse(fs.readFileSync(path.join(desk.dataDir, 'sync.json'), 'utf8')) as {
          deviceToken: string;
        }
      ).deviceToken,
    async addBareDesk(name) {
      const proxy = await startProxy(port);
      const dataDir = path.join(temp.dir, name);
      const core = await createCore({ dataDir, host: 'test', devMode: true });
      const desk = { core, proxy, dataDir, local: true };
      desks.push(desk);
      return desk;
    },
    async addDesk(name, options = {}) {
      const proxy = await startProxy(port);
      const dataDir = path.join(temp.dir, name);
      const inProcess = options.inProcess ?? !desks.some((d) => d.local);
      if (options.now && !inProcess) throw new Error('a desk clock needs an in-process desk');
      const core: DeskCore = inProcess
        ? await createCore({ dataDir, host: 'test', devMode: true, now: options.now })
        : await spawnDesk(dataDir);
      const { enrollmentId } = await core.call('sync.enrollStart', {
        serverUrl: proxy.url,
        mobile: MANAGER.mobile,
        password: MANAGER.password,
        deviceName: name,
      });
      const code = await readLatestCode(outbox, '+989120000001');
      await core.call('sync.enrollFinish', { enrollmentId, code });
      await core
        .call('auth.login', { mobile: MANAGER.mobile, password: MANAGER.password })
        .catch(async () => {
          // The manager's staff document arrives with the first pull.
          await core.awaitSynced();
          return core.call('auth.login', { mobile: MANAGER.mobile, password: MANAGER.password });
        });
      const desk = { core, proxy, dataDir, local: inProcess };
      desks.push(desk);
      return desk;
    },
    async serverDocs() {
      const out = {} as DocsByCollection;
      for (const collection of SYNCED_COLLECTION_NAMES) {
        const docs = await store.pull({
          collection,
          centerId: center.centerId,
          afterSeq: 0,
          limit: 1_000_000,
        });
        out[collection] = docs.filter((d) => !d.deleted).map((d) => d.data);
      }
      return out;
    },
    async close() {
      for (const d of desks) {
        await d.core.close();
        await d.proxy.close();
      }
      await app.close();
      await store.close();
      temp.remove();
    },
  };
}

/** Every live document of every collection on a desk. */
export async function deskDocs(core: DeskCore): Promise<DocsByCollection> {
  const out = {} as DocsByCollection;
  for (const collection of SYNCED_COLLECTION_NAMES) {
    out[collection] = (await core.dump(collection)) as Record<string, unknown>[];
  }
  return out;
}

/** A hash of documents that ignores order of documents and of keys. */
export function hashDocs(docs: DocsByCollection): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v as object)
              .filter((k) => !k.startsWith('_'))
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  const text = Object.keys(docs)
    .sort()
    .map(
      (c) =>
        `${c}:${docs[c as SyncedCollectionName]
          .map((d) => JSON.stringify(canonical(d)))
          .sort()
          .join('\n')}`,
    )
    .join('\n#\n');
  return createHash('sha256').update(text).digest('hex');
}
