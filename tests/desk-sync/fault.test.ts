/**
 * The connection drops in the middle of pushing thousands of offline writes; after reconnecting,
 * every write arrives on the server exactly once and the desks agree.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deskDocs, hashDocs, startSyncRig, type RigDesk, type SyncRig } from '../support/sync-rig';

const COUNT = 3000;
let rig: SyncRig;
let a: RigDesk;
let b: RigDesk;

beforeAll(async () => {
  rig = await startSyncRig();
  a = await rig.addDesk('desk-a');
  b = await rig.addDesk('desk-b');
  await a.core.awaitSynced();
  await b.core.awaitSynced();
}, 60_000);
afterAll(() => rig?.close());

it('a push cut halfway is completed after reconnect, every document exactly once', async () => {
  a.proxy.cut();
  const ids = new Set<string>();
  for (let i = 0; i < COUNT; i++) {
    const p = await a.core.call('patients.create', {
      firstName: 'بیمار',
      lastName: `شماره ${i}`,
      mobile: `0912${String(i).padStart(7, '0')}`,
      gender: i % 2 ? 'male' : 'female',
    });
    ids.add(p.id);
  }
  expect((await a.core.call('sync.status', {})).pending).toBe(COUNT);

  // Let about one and a half push batches through, then drop every connection once.
  const dropped = a.proxy.cutAfter(200_000);
  a.proxy.restore();
  a.core.call('sync.now', {});
  await dropped;
  const midway = (await rig.serverDocs()).patients.length;
  expect(midway).toBeGreaterThan(0);
  expect(midway).toBeLessThan(COUNT);

  await a.core.awaitSynced();
  await expect
    .poll(async () => (await a.core.call('sync.status', {})).pending, { timeout: 30_000 })
    .toBe(0);
  const server = await rig.serverDocs();
  const onServer = server.patients.map((p) => String(p.id));
  expect(onServer).toHaveLength(COUNT);
  expect(new Set(onServer)).toEqual(ids);

  await b.core.awaitSynced();
  await expect
    .poll(async () => hashDocs(await deskDocs(b.core)), { timeout: 30_000 })
    .toBe(hashDocs(server));
  expect(hashDocs(await deskDocs(a.core))).toBe(hashDocs(server));
}, 180_000);
