/**
 * The per-device SSE stream over real HTTP: RESYNC first on every connect, then the committed
 * documents of the device's center only; heartbeats; clean-up when a desk goes away.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncPaths } from '../../shared/sync/protocol';
import type { InProcessChangeFeed } from '../../sync-server/src/index';
import {
  addCenter,
  addDevice,
  push,
  startTestServer,
  type TestCenter,
  type TestServer,
} from './support/harness';
import { appointmentDoc, insertRow, patientDoc } from './support/documents';
import { openSse, type SseConnection } from './support/sse';

let server: TestServer;
let center: TestCenter;
const open: SseConnection[] = [];

async function connect(token: string | null): Promise<SseConnection> {
  const c = await openSse(`${server.url}${syncPaths.stream}`, token);
  open.push(c);
  return c;
}

beforeEach(async () => {
  server = await startTestServer({ heartbeatMs: 20 });
  await server.listen();
  center = await addCenter(server);
});
afterEach(async () => {
  for (const c of open.splice(0)) c.close();
  await server.close();
});

describe('sync stream', () => {
  it('sends RESYNC first, then committed documents of its own center only', async () => {
    const other = await addCenter(server, 'مرکز دیگر');
    const stream = await connect(center.token);
    expect(stream.status).toBe(200);
    expect(await stream.nextData()).toBe('RESYNC');

    const theirs = patientDoc(other);
    await push(server, other.token, 'patients', [insertRow(theirs)]);
    const mine = patientDoc(center);
    await push(server, center.token, 'patients', [insertRow(mine)]);

    const message = (await stream.nextData()) as {
      collection: string;
      documents: { id: string }[];
      checkpoint: { seq: number };
    };
    // The other center's commit came first, yet the first message here is our own.
    expect(message.collection).toBe('patients');
    expect(message.documents).toEqual([mine]);
    const [stored] = await server.store.pull({
      collection: 'patients',
      centerId: center.centerId,
      afterSeq: 0,
      limit: 10,
    });
    expect(message.checkpoint).toEqual({ seq: stored!.seq });
  });

  it('delivers the stored (arbitrated) state to every device of the center, the pusher included', async () => {
    const second = await addDevice(server, center);
    const streamA = await connect(center.token);
    const streamB = await connect(second.token);
    expect(await streamA.nextData()).toBe('RESYNC');
    expect(await streamB.nextData()).toBe('RESYNC');
    const a = appointmentDoc(center);
    const b = appointmentDoc(second);
    await push(server, center.token, 'appointments', [insertRow(a)]);
    await push(server, second.token, 'appointments', [insertRow(b)]);
    for (const stream of [streamA, streamB]) {
      const first = (await stream.nextData()) as { documents: { id: string; status: string }[] };
      expect(first.documents.map((d) => [d.id, d.status])).toEqual([[a.id, 'booked']]);
      const next = (await stream.nextData()) as { documents: { id: string; status: string }[] };
      expect(next.documents.map((d) => [d.id, d.status])).toEqual([[b.id, 'conflict']]);
    }
  });

  it('sends heartbeat comments between messages', async () => {
    const stream = await connect(center.token);
    expect(await stream.nextData()).toBe('RESYNC');
    // heartbeatMs is 20 here; the event arrives whenever it arrives, nothing is timed.
    expect(await stream.next()).toEqual({ kind: 'comment', value: 'heartbeat' });
  });

  it('sends RESYNC again after a reconnect and unsubscribes the closed stream', async () => {
    const feed = server.app.syncFeed as InProcessChangeFeed;
    const first = await connect(center.token);
    expect(await first.nextData()).toBe('RESYNC');
    expect(feed.listenerCount(center.centerId)).toBe(1);
    first.close();
    await expect.poll(() => server.app.syncStreams.count()).toBe(0);
    expect(feed.listenerCount(center.centerId)).toBe(0);

    const again = await connect(center.token);
    expect(await again.nextData()).toBe('RESYNC');
  });

  it('refuses a stream without a valid token', async () => {
    const stream = await connect(null);
    expect(stream.status).toBe(401);
    const forged = await connect('A'.repeat(43));
    expect(forged.status).toBe(401);
  });

  it('has no HEAD twin that would open a stream without a body', async () => {
    const res = await server.app.inject({
      method: 'HEAD',
      url: syncPaths.stream,
      headers: { authorization: `Bearer ${center.token}` },
    });
    expect(res.statusCode).toBe(404);
    expect(server.app.syncStreams.count()).toBe(0);
  });

  it('ends the streams of a server that closes', async () => {
    const stream = await connect(center.token);
    expect(await stream.nextData()).toBe('RESYNC');
    await server.app.close();
    await stream.ended;
    expect(server.app.syncStreams.count()).toBe(0);
  });
});
