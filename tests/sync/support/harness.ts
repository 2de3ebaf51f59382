/**
 * A sync server on a fresh in-memory store per test, with a clock the test moves, centers made
 * through the real write path and devices issued directly (the enrollment tests cover the codes).
 */
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import {
  buildServer,
  createCenter,
  issueDevice,
  MemoryOutbox,
  openSqliteStore,
  type ServerOptions,
  type SyncServer,
  type SyncStore,
} from '../../../sync-server/src/index';
import { syncPaths } from '../../../shared/sync/protocol';

/** Low PBKDF2 cost for test managers: the hashing itself is tested in shared/auth. */
export const TEST_ITERATIONS = 1_000;

export class TestClock {
  private t: number;
  constructor(start = '2026-03-01T06:30:00.000Z') {
    this.t = Date.parse(start);
  }
  now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface TestServer {
  app: SyncServer;
  store: SyncStore;
  outbox: MemoryOutbox;
  clock: TestClock;
  /** Set by {@link TestServer.listen}. */
  url: string;
  listen(): Promise<string>;
  close(): Promise<void>;
}

export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const store = options.store ?? (await openSqliteStore(':memory:'));
  const outbox = new MemoryOutbox();
  const clock = new TestClock();
  const app = await buildServer({
    now: clock.now,
    ...options,
    store,
    outbox: options.outbox ?? outbox,
  });
  const server: TestServer = {
    app,
    store,
    outbox,
    clock,
    url: '',
    async listen() {
      await app.listen({ port: 0, host: '127.0.0.1' });
      server.url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      return server.url;
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
  return server;
}

export interface TestCenter {
  centerId: string;
  managerId: string;
  mobile: string;
  password: string;
  token: string;
  deviceId: string;
}

let mobileCounter = 0;

/** A center with a manager and one enrolled device. */
export async function addCenter(server: TestServer, name = 'کلینیک آزمون'): Promise<TestCenter> {
  mobileCounter += 1;
  const mobile = `0912${String(mobileCounter).padStart(7, '0')}`;
  const password = 'test1234';
  const created = await createCenter(
    server.store,
    { name, type: 'clinic', manager: { firstName: 'مریم', lastName: 'مدیری', mobile, password } },
    { feed: server.app.syncFeed, now: server.clock.now, passwordIterations: TEST_ITERATIONS },
  );
  const device = await issueDevice(server.store, {
    centerId: created.centerId,
    name: 'پذیرش',
    enrolledBy: created.managerStaffId,
  });
  return {
    centerId: created.centerId,
    managerId: created.managerStaffId,
    mobile,
    password,
    token: device.deviceToken,
    deviceId: device.deviceId,
  };
}

/** Another device of the same center. */
export async function addDevice(server: TestServer, center: TestCenter): Promise<TestCenter> {
  const device = await issueDevice(server.store, {
    centerId: center.centerId,
    name: 'دستگاه دوم',
    enrolledBy: center.managerId,
  });
  return { ...center, token: device.deviceToken, deviceId: device.deviceId };
}

export function auth(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export interface Row {
  assumedMasterState?: Record<string, unknown> | null;
  newDocumentState: Record<string, unknown>;
}

export function push(
  server: TestServer,
  token: string,
  collection: string,
  rows: Row[],
): Promise<LightMyRequestResponse> {
  return server.app.inject({
    method: 'POST',
    url: syncPaths.push(collection),
    headers: auth(token),
    payload: rows,
  });
}

export function pull(
  server: TestServer,
  token: string,
  collection: string,
  seq = 0,
  limit = 1000,
  extra = '',
): Promise<LightMyRequestResponse> {
  return server.app.inject({
    method: 'GET',
    url: `${syncPaths.pull(collection)}?seq=${seq}&limit=${limit}${extra}`,
    headers: auth(token),
  });
}

/** Every document of the collection the center's devices can pull (tombstones included). */
export async function allDocs(server: TestServer, center: TestCenter, collection: string) {
  return server.store.pull({ collection, centerId: center.centerId, afterSeq: 0, limit: 100_000 });
}
