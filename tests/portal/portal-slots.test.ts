/**
 * The portal's hold on time: 50 patients racing for one slot get exactly one booking and 49 clear
 * "slot taken" answers with nothing else written; a desk that books, offline, a slot the portal has
 * given is marked conflict when it syncs; a payment hold that lapses releases the slot (the clock is
 * the server's), and a payment verified after that books the time again only if it is still free.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { portalPaths } from '../../shared/portal/contract';
import {
  allDocs,
  push,
  startTestServer,
  TEST_ITERATIONS,
  type TestServer,
} from '../sync/support/harness';
import { appointmentDoc, insertRow } from '../sync/support/documents';
import { ACCOUNT_PASSWORD, insertAccount, seedCenter, type SeededCenter } from './support/center';
import { PortalClient } from './support/client';

let server: TestServer;
afterEach(async () => server?.close());

const DAY = '2026-03-04';

async function start() {
  server = await startTestServer({
    passwordIterations: TEST_ITERATIONS,
    portalDir: false,
    portalSweepMs: 0,
    rateLimit: false,
  });
  await server.listen();
  return seedCenter(server);
}

async function signedIn(n: number) {
  const account = await insertAccount(server.store, n, server.clock.now().toISOString());
  const client = new PortalClient(server.url);
  await client.session();
  await client.post(portalPaths.login, { mobile: account.mobile, password: ACCOUNT_PASSWORD });
  await client.session();
  return client;
}

const asCenter = (c: SeededCenter) => ({ ...c, mobile: '', password: '' });

function bookBody(center: SeededCenter, serviceId: string, start = 600) {
  return {
    centerId: center.centerId,
    providerId: center.providerId,
    serviceId,
    date: DAY,
    start,
  };
}

async function slotsOf(client: PortalClient, center: SeededCenter, serviceId: string) {
  const q = `?providerId=${center.providerId}&serviceId=${serviceId}&from=${DAY}&to=${DAY}`;
  const res = await client.get(`${portalPaths.slots(center.centerId)}${q}`);
  return (res.body.slots as { start: number }[]).map((s) => s.start);
}

describe('portal slots', () => {
  it('gives one slot to exactly one of 50 concurrent bookings; the rest get slot-taken and leave no trace', async () => {
    const center = await start();
    const clients = await Promise.all(Array.from({ length: 50 }, (_, i) => signedIn(10 + i)));
    const before = await allDocs(server, asCenter(center), 'patients');
    const answers = await Promise.all(
      clients.map((c) => c.post(portalPaths.bookings, bookBody(center, center.visitId))),
    );
    const won = answers.filter((a) => a.status === 200);
    const lost = answers.filter((a) => a.status !== 200);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const a of lost) {
      expect(a.status).toBe(409);
      expect(a.body).toMatchObject({
        code: 'conflict',
        message: expect.stringContaining('گرفته شد'),
        details: { reason: 'slot-taken' },
      });
    }
    const appointments = (await allDocs(server, asCenter(center), 'appointments')).map(
      (d) => d.data,
    );
    expect(appointments).toHaveLength(1);
    expect(appointments[0]).toMatchObject({ id: won[0]!.body.booking.id, status: 'booked' });
    // Only the winner became a patient of the center; the losers' writes were rolled back.
    const patients = await allDocs(server, asCenter(center), 'patients');
    expect(patients.length - before.length).toBe(1);
    const messages = (await allDocs(server, asCenter(center), 'messages')).map((m) => m.data);
    expect(messages.filter((m) => m.kind === 'confirmation')).toHaveLength(1);
  }, 30_000);

  it("marks a desk's offline booking of a slot the portal already gave as conflict on sync", async () => {
    const center = await start();
    const client = await signedIn(1);
    const portal = await client.post(portalPaths.bookings, bookBody(center, center.visitId));
    expect(portal.status).toBe(200);
    // The desk booked 10:00 while offline and pushes it when the network is back.
    const desk = appointmentDoc(asCenter(center), {
      providerId: center.providerId,
      serviceId: center.visitId,
      date: DAY,
      start: 600,
      end: 630,
    });
    const res = await push(server, center.token, 'appointments', [insertRow(desk)]);
    expect(res.statusCode).toBe(200);
    const stored = await server.store.getDocument('appointments', desk.id);
    expect(stored?.data).toMatchObject({
      status: 'conflict',
      conflict: { withId: portal.body.booking.id },
    });
    const kept = await client.get(portalPaths.booking(portal.body.booking.id));
    expect(kept.body.status).toBe('booked');
  });

  it('refuses a time that is not a slot, and a slot in the past', async () => {
    const center = await start();
    const client = await signedIn(1);
    const odd = await client.post(portalPaths.bookings, bookBody(center, center.visitId, 605));
    expect(odd.status).toBe(400);
    expect(odd.body.details.fields.start).toBeTruthy();
    const night = await client.post(portalPaths.bookings, bookBody(center, center.visitId, 1320));
    expect(night.status).toBe(400);
    const past = await client.post(portalPaths.bookings, {
      ...bookBody(center, center.visitId),
      date: '2026-02-28',
    });
    expect(past.status).toBe(400);
    expect(await allDocs(server, asCenter(center), 'appointments')).toEqual([]);
  });

  it('releases a lapsed payment hold, and a late payment cannot take the slot back from its new holder', async () => {
    const center = await start();
    const first = await signedIn(1);
    const second = await signedIn(2);
    const held = await first.post(portalPaths.bookings, bookBody(center, center.laserId));
    expect(held.body.booking).toMatchObject({ status: 'held', payment: 'pending' });
    const id = held.body.booking.id as string;
    const pay = await first.post(portalPaths.pay(id));
    expect(pay.status).toBe(200);
    expect(await slotsOf(second, center, center.laserId)).not.toContain(600);

    server.clock.advance(14 * 60_000);
    expect((await first.get(portalPaths.booking(id))).body.status).toBe('held');
    server.clock.advance(60_000);
    const lapsed = await first.get(portalPaths.booking(id));
    expect(lapsed.body).toMatchObject({
      status: 'cancelled',
      payment: 'expired',
      canCancel: false,
    });
    expect((await first.post(portalPaths.pay(id))).body.details.reason).toBe('not-payable');
    expect(await slotsOf(second, center, center.laserId)).toContain(600);
    const taken = await second.post(portalPaths.bookings, bookBody(center, center.visitId));
    expect(taken.status).toBe(200);

    // The patient had paid at the gateway just before the hold lapsed; the bank's answer comes now.
    const page = await (await fetch(pay.body.redirectUrl)).text();
    const action = /action="([^"]+\/pay)"/.exec(page)![1]!;
    const paid = await fetch(new URL(action, pay.body.redirectUrl), {
      method: 'POST',
      redirect: 'manual',
    });
    await fetch(paid.headers.get('location')!, { redirect: 'manual' });
    const late = await first.get(portalPaths.booking(id));
    // Money recorded, booking in the center's conflict queue: nothing silently lost.
    expect(late.body).toMatchObject({ status: 'conflict', payment: 'paid' });
    const ledger = (await allDocs(server, asCenter(center), 'ledger')).map((d) => d.data);
    expect(ledger).toEqual([expect.objectContaining({ kind: 'deposit', amountRial: 15_000_000 })]);
    expect((await second.get(portalPaths.booking(taken.body.booking.id))).body.status).toBe(
      'booked',
    );
  });

  it('the periodic sweep releases lapsed holds without any read', async () => {
    const center = await start();
    const client = await signedIn(1);
    const held = await client.post(portalPaths.bookings, bookBody(center, center.laserId));
    server.clock.advance(16 * 60_000);
    expect(await server.app.syncPortal.releaseLapsedHolds()).toBe(1);
    expect(await server.app.syncPortal.releaseLapsedHolds()).toBe(0);
    const doc = await server.store.getDocument('appointments', held.body.booking.id);
    expect(doc?.data.status).toBe('cancelled');
  });
});
