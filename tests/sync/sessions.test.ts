/**
 * Staff sessions (C11): the licence's seats bound how many staff are logged in at once across a
 * center's desks. Time is the test clock: lapsing is tested by moving it, never by waiting.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../shared/auth/password';
import { SESSION_TTL_MS, setupPaths, syncPaths } from '../../shared/sync/protocol';
import { insertRow, staffDoc } from './support/documents';
import {
  addCenter,
  addDevice,
  auth,
  push,
  startTestServer,
  TEST_ITERATIONS,
  type TestCenter,
  type TestServer,
} from './support/harness';

let server: TestServer;
let center: TestCenter;
let passwordHash: string;

beforeEach(async () => {
  server = await startTestServer();
  center = await addCenter(server);
  passwordHash ??= await hashPassword('pass1234', TEST_ITERATIONS);
});
afterEach(() => server.close());

async function hire(overrides: Record<string, unknown> = {}) {
  const doc = staffDoc(center, { mobile: '+989350000001', passwordHash, ...overrides });
  expect((await push(server, center.token, 'staff', [insertRow(doc)])).statusCode).toBe(200);
  return doc.id;
}

function call(token: string, url: string, payload: object) {
  return server.app.inject({ method: 'POST', url, headers: auth(token), payload });
}

const open = (desk: TestCenter, staffId: string) =>
  call(desk.token, setupPaths.sessionOpen, { staffId });
const heartbeat = (desk: TestCenter, sessionId: string) =>
  call(desk.token, setupPaths.sessionHeartbeat, { sessionId });
const close = (desk: TestCenter, sessionId: string) =>
  call(desk.token, setupPaths.sessionClose, { sessionId });

async function setLicence(change: { seats?: number; validUntil?: string; graceDays?: number }) {
  await server.store.write((tx) => server.app.syncLicences.change(tx, center.centerId, change));
}

describe('staff sessions and seats', () => {
  it('gives two seats to two desks and refuses a third with the Persian seat message', async () => {
    const [a, b, c] = [center, await addDevice(server, center), await addDevice(server, center)];
    const [s1, s2, s3] = [await hire(), await hire(), await hire()];

    const first = await open(a, s1);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      seats: 2,
      inUse: 1,
      expiresAt: new Date(server.clock.now().getTime() + SESSION_TTL_MS).toISOString(),
    });
    expect((await open(b, s2)).json()).toMatchObject({ inUse: 2 });

    const third = await open(c, s3);
    expect(third.statusCode).toBe(403);
    expect(third.json()).toEqual({
      code: 'forbidden',
      message: expect.stringMatching(/^همهٔ ۲ جایگاه ورود هم‌زمان/),
      details: { reason: 'seat-limit', seats: 2, inUse: 2 },
    });
  });

  it('frees a seat when a session is closed', async () => {
    const b = await addDevice(server, center);
    const [s1, s2, s3] = [await hire(), await hire(), await hire()];
    const { sessionId } = (await open(center, s1)).json();
    await open(b, s2);
    expect((await open(b, s3)).statusCode).toBe(403);

    expect((await close(center, sessionId)).json()).toEqual({
      sessionId,
      closedAt: server.clock.now().toISOString(),
    });
    expect((await open(b, s3)).statusCode).toBe(200);
    // Closing again is harmless and keeps the first time.
    server.clock.advance(1000);
    expect((await close(center, sessionId)).json().closedAt).not.toBe(
      server.clock.now().toISOString(),
    );
  });

  it('lets a session without heartbeats lapse after the TTL, and keeps one with heartbeats', async () => {
    const b = await addDevice(server, center);
    const [s1, s2, s3] = [await hire(), await hire(), await hire()];
    const kept = (await open(center, s1)).json().sessionId;
    const silent = (await open(b, s2)).json().sessionId;

    server.clock.advance(SESSION_TTL_MS - 1000);
    const beat = await heartbeat(center, kept);
    expect(beat.statusCode).toBe(200);
    expect(beat.json()).toMatchObject({ sessionId: kept, inUse: 2, seats: 2 });
    expect((await open(b, s3)).statusCode).toBe(403);

    server.clock.advance(1000);
    // The silent one has lapsed: its seat is free, and its heartbeat now says so.
    expect((await open(b, s3)).json()).toMatchObject({ inUse: 2 });
    const late = await heartbeat(b, silent);
    expect(late.statusCode).toBe(404);
    expect(late.json().details).toEqual({ reason: 'session-ended' });
  });

  it('replaces a person’s own session when they log in again on the same desk', async () => {
    const s1 = await hire();
    const first = (await open(center, s1)).json();
    const again = (await open(center, s1)).json();
    expect(again).toMatchObject({ inUse: 1 });
    expect(again.sessionId).not.toBe(first.sessionId);
    expect((await heartbeat(center, first.sessionId)).statusCode).toBe(404);
  });

  it('counts people, not desks: one person logged in on two desks takes one seat', async () => {
    const [b, c] = [await addDevice(server, center), await addDevice(server, center)];
    const [s1, s2] = [await hire(), await hire()];
    expect((await open(center, center.managerId)).json()).toMatchObject({ inUse: 1 });
    expect((await open(b, center.managerId)).json()).toMatchObject({ inUse: 1 });
    expect((await open(c, s1)).json()).toMatchObject({ inUse: 2 });
    const refused = await open(c, s2);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().details).toEqual({ reason: 'seat-limit', seats: 2, inUse: 2 });
    // Someone already working takes no new seat on a third desk, even with every seat in use.
    expect((await open(c, center.managerId)).json()).toMatchObject({ inUse: 2 });
  });

  it('opens sessions only for active staff of the device’s center who have a password', async () => {
    const noPassword = await hire({ passwordHash: '' });
    const inactive = await hire({ active: false });
    const other = await addCenter(server, 'مرکز دیگر');
    for (const staffId of [noPassword, inactive, other.managerId, 'nobody']) {
      const res = await open(center, staffId);
      expect(res.statusCode, staffId).toBe(403);
      expect(res.json().details).toEqual({ reason: 'cannot-log-in' });
    }
    expect((await open(center, center.managerId)).statusCode).toBe(200);
  });

  it('answers 404 for a session of another desk, and ends a session of someone deactivated', async () => {
    const b = await addDevice(server, center);
    const doc = staffDoc(center, { mobile: '+989350000001', passwordHash });
    await push(server, center.token, 'staff', [insertRow(doc)]);
    const { sessionId } = (await open(center, doc.id)).json();
    expect((await heartbeat(b, sessionId)).statusCode).toBe(404);
    expect((await close(b, sessionId)).statusCode).toBe(404);

    const { _deleted, ...before } = doc;
    await push(server, center.token, 'staff', [
      {
        assumedMasterState: { ...before, _deleted },
        newDocumentState: { ...before, active: false, _deleted },
      },
    ]);
    const res = await heartbeat(center, sessionId);
    expect(res.statusCode).toBe(403);
    expect((await heartbeat(center, sessionId)).json().details).toEqual({
      reason: 'session-ended',
    });
  });

  it('follows the licence: more seats allow more, an expired licence (after grace) allows none', async () => {
    const b = await addDevice(server, center);
    const [s1, s2, s3] = [await hire(), await hire(), await hire()];
    await open(center, s1);
    await open(b, s2);
    await setLicence({ seats: 3 });
    expect((await open(b, s3)).json()).toMatchObject({ seats: 3, inUse: 3 });

    await setLicence({ validUntil: '2026-02-01T00:00:00.000Z', graceDays: 14 });
    const res = await open(center, s1);
    expect(res.statusCode).toBe(403);
    expect(res.json().details).toEqual({ reason: 'licence-expired' });
    // Within the grace days logins still work.
    await setLicence({ validUntil: '2026-02-20T00:00:00.000Z' });
    expect((await open(center, s1)).statusCode).toBe(200);
  });

  it('gives back the seats of a revoked desk at once', async () => {
    const b = await addDevice(server, center);
    const [s1, s2, s3] = [await hire(), await hire(), await hire()];
    await open(center, s1);
    await open(b, s2);
    const revoked = await server.app.inject({
      method: 'POST',
      url: syncPaths.revoke,
      payload: { mobile: center.mobile, password: center.password, deviceId: b.deviceId },
    });
    expect(revoked.statusCode).toBe(200);
    expect((await open(center, s3)).json()).toMatchObject({ inUse: 2 });
  });
});
