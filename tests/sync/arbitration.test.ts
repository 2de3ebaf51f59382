/**
 * Slot arbitration inside the push transaction: the first committed booking of a provider's time
 * holds it; a later overlapping one is stored as `conflict`, and that stored state is the push's
 * answer to the losing desk (its stream copy can arrive while the desk still counts it unsent).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLOT_TAKEN_REASON } from '../../sync-server/src/appointments/arbitration';
import {
  addCenter,
  addDevice,
  allDocs,
  pull,
  push,
  startTestServer,
  type TestCenter,
  type TestServer,
} from './support/harness';
import { appointmentDoc, insertRow, updateRow } from './support/documents';

let server: TestServer;
let deskA: TestCenter;
let deskB: TestCenter;

beforeEach(async () => {
  server = await startTestServer();
  deskA = await addCenter(server);
  deskB = await addDevice(server, deskA);
});
afterEach(() => server.close());

async function serverState(id: string) {
  const docs = await allDocs(server, deskA, 'appointments');
  return docs.find((d) => d.id === id)!.data;
}

async function slotHolders(): Promise<string[]> {
  const docs = await allDocs(server, deskA, 'appointments');
  return docs
    .filter(
      (d) =>
        !d.deleted &&
        ['held', 'booked', 'checked-in', 'done', 'no-show'].includes(String(d.data.status)),
    )
    .map((d) => d.id)
    .sort();
}

describe('slot arbitration', () => {
  it('two desks book one slot: the first committed holds it, the other is conflict with withId', async () => {
    const a = appointmentDoc(deskA);
    const b = appointmentDoc(deskB, { start: 555, end: 585 });
    const resA = await push(server, deskA.token, 'appointments', [insertRow(a)]);
    const resB = await push(server, deskB.token, 'appointments', [insertRow(b)]);
    expect(resA.json()).toEqual({ conflicts: [] });
    // The losing desk learns the outcome in the push's answer.
    expect(resB.json().conflicts).toEqual([
      expect.objectContaining({ id: b.id, status: 'conflict', _deleted: false }),
    ]);

    expect(await slotHolders()).toEqual([a.id]);
    const loser = await serverState(b.id);
    expect(loser.status).toBe('conflict');
    expect(loser.conflict).toEqual({
      withId: a.id,
      at: server.clock.now().toISOString(),
      reason: SLOT_TAKEN_REASON,
    });
    // Everything else is as the desk pushed it.
    const { _deleted, ...pushed } = b;
    expect({ ...loser, status: 'booked', conflict: null }).toEqual(pushed);
    expect(_deleted).toBe(false);

    const pulled = (await pull(server, deskB.token, 'appointments')).json().documents;
    expect(pulled.find((d: { id: string }) => d.id === b.id)).toMatchObject({ status: 'conflict' });
  });

  it('a re-sent push of the losing booking is harmless (no new write; the answer is repeated)', async () => {
    const a = appointmentDoc(deskA);
    const b = appointmentDoc(deskB);
    await push(server, deskA.token, 'appointments', [insertRow(a)]);
    await push(server, deskB.token, 'appointments', [insertRow(b)]);
    const before = (await allDocs(server, deskA, 'appointments')).find((d) => d.id === b.id)!;
    const again = await push(server, deskB.token, 'appointments', [insertRow(b)]);
    expect(again.json().conflicts).toEqual([
      expect.objectContaining({ id: b.id, status: 'conflict' }),
    ]);
    const after = (await allDocs(server, deskA, 'appointments')).find((d) => d.id === b.id)!;
    expect(after.seq).toBe(before.seq);
  });

  it('moving the loser to a free time makes it hold again', async () => {
    const a = appointmentDoc(deskA);
    const b = appointmentDoc(deskB);
    await push(server, deskA.token, 'appointments', [insertRow(a)]);
    await push(server, deskB.token, 'appointments', [insertRow(b)]);
    const lost = { ...(await serverState(b.id)), _deleted: false };
    const moved = { ...lost, start: 600, end: 630, status: 'booked', conflict: null };
    const res = await push(server, deskB.token, 'appointments', [updateRow(lost, moved)]);
    expect(res.json()).toEqual({ conflicts: [] });
    expect(await slotHolders()).toEqual([a.id, b.id].sort());
    expect((await serverState(b.id)).status).toBe('booked');
  });

  it('the loser booked again over the server version takes the slot once the winner is cancelled', async () => {
    const a = appointmentDoc(deskA);
    const b = appointmentDoc(deskB);
    await push(server, deskA.token, 'appointments', [insertRow(a)]);
    await push(server, deskB.token, 'appointments', [insertRow(b)]);
    await push(server, deskA.token, 'appointments', [updateRow(a, { ...a, status: 'cancelled' })]);
    // Exactly the state first pushed, but now over the server's conflict version: not a re-send.
    const lost = { ...(await serverState(b.id)), _deleted: false };
    const res = await push(server, deskB.token, 'appointments', [updateRow(lost, b)]);
    expect(res.json()).toEqual({ conflicts: [] });
    expect(await slotHolders()).toEqual([b.id]);
  });

  it('touching bookings, other providers and other days do not collide', async () => {
    const a = appointmentDoc(deskA);
    const touching = appointmentDoc(deskB, { start: 570, end: 600 });
    const otherProvider = appointmentDoc(deskB, { providerId: 'another-provider' });
    const otherDay = appointmentDoc(deskB, { date: '2026-03-11' });
    await push(server, deskA.token, 'appointments', [insertRow(a)]);
    await push(server, deskB.token, 'appointments', [
      insertRow(touching),
      insertRow(otherProvider),
      insertRow(otherDay),
    ]);
    expect(await slotHolders()).toEqual([a.id, touching.id, otherProvider.id, otherDay.id].sort());
  });

  it('arbitrates within one push batch too: the earlier row wins', async () => {
    const first = appointmentDoc(deskA);
    const second = appointmentDoc(deskA, { start: 560, end: 600 });
    await push(server, deskA.token, 'appointments', [insertRow(first), insertRow(second)]);
    expect(await slotHolders()).toEqual([first.id]);
    expect((await serverState(second.id)).conflict).toMatchObject({ withId: first.id });
  });

  it('allows an overbooked booking beside another, and ignores overbooked ones when placing', async () => {
    const a = appointmentDoc(deskA);
    const over = appointmentDoc(deskB, { overbook: true });
    await push(server, deskA.token, 'appointments', [insertRow(a)]);
    await push(server, deskB.token, 'appointments', [insertRow(over)]);
    expect(await slotHolders()).toEqual([a.id, over.id].sort());
    // Turning the overbook flag off re-checks the booking: it now loses to the first one.
    const overState = { ...(await serverState(over.id)), _deleted: false };
    await push(server, deskB.token, 'appointments', [
      updateRow(overState, { ...overState, overbook: false }),
    ]);
    expect(await slotHolders()).toEqual([a.id]);
  });

  it('cancelling or deleting the holder frees the slot for the next booking', async () => {
    const a = appointmentDoc(deskA);
    await push(server, deskA.token, 'appointments', [insertRow(a)]);
    await push(server, deskA.token, 'appointments', [updateRow(a, { ...a, status: 'cancelled' })]);
    const b = appointmentDoc(deskB);
    await push(server, deskB.token, 'appointments', [insertRow(b)]);
    expect(await slotHolders()).toEqual([b.id]);

    const gone = { ...b, _deleted: true };
    await push(server, deskB.token, 'appointments', [updateRow(b, gone)]);
    const c = appointmentDoc(deskA);
    await push(server, deskA.token, 'appointments', [insertRow(c)]);
    expect((await serverState(c.id)).status).toBe('booked');
  });

  it('does not re-check an edit that leaves provider, day, time and status alone', async () => {
    const a = appointmentDoc(deskA);
    const over = appointmentDoc(deskB, { overbook: true });
    await push(server, deskA.token, 'appointments', [insertRow(a)]);
    await push(server, deskB.token, 'appointments', [insertRow(over)]);
    // The first booking's note changes; it stays booked even though another booking overlaps it.
    await push(server, deskA.token, 'appointments', [
      updateRow(a, { ...a, notes: 'بیمار زودتر می‌آید' }),
    ]);
    expect((await serverState(a.id)).status).toBe('booked');
  });
});
