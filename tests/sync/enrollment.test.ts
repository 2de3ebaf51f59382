/**
 * Enrolling a desk (manager mobile + password, a one-time code from the SMS outbox, a device
 * token), the code's limits, revoking a device, and the routes' rate limit.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncPaths } from '../../shared/sync/protocol';
import { createCenter, FileOutbox, readLatestCode } from '../../sync-server/src/index';
import { WRONG_CREDENTIALS } from '../../sync-server/src/devices/manager-login';
import { tempDir } from '../support/temp';
import {
  addCenter,
  auth,
  pull,
  startTestServer,
  TEST_ITERATIONS,
  type TestServer,
} from './support/harness';
import { openSse } from './support/sse';
import { insertRow, staffDoc } from './support/documents';

let server: TestServer;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await server.close();
  for (const c of cleanups.splice(0)) c();
});

function post(url: string, payload: unknown) {
  return server.app.inject({ method: 'POST', url, payload: payload as object });
}

async function start(mobile: string, password: string, deviceName = 'پذیرش ۲') {
  return post(syncPaths.enrollStart, { mobile, password, deviceName });
}

describe('enrollment', () => {
  it('enrolls a desk with the code from the outbox file; the token then pulls its center', async () => {
    const temp = tempDir('sync-outbox-');
    cleanups.push(temp.remove);
    const outbox = new FileOutbox(path.join(temp.dir, 'outbox'));
    server = await startTestServer({ outbox });
    const center = await addCenter(server);

    // Persian digits and the 0912 form are what a manager types.
    const typed = center.mobile.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    const res = await start(typed, center.password);
    expect(res.statusCode).toBe(200);
    const started = res.json();
    expect(started.sentTo).toBe(`${center.mobile.slice(0, 4)}***${center.mobile.slice(-4)}`);
    expect(started.expiresAt).toBe(
      new Date(server.clock.now().getTime() + 5 * 60_000).toISOString(),
    );
    expect(outbox.file).toBe(path.join(temp.dir, 'outbox', 'sms.jsonl'));

    const code = await readLatestCode(outbox, center.mobile);
    expect(code).toMatch(/^\d{6}$/);
    const finish = await post(syncPaths.enrollFinish, { enrollmentId: started.enrollmentId, code });
    expect(finish.statusCode).toBe(200);
    const device = finish.json();
    expect(device).toMatchObject({
      centerId: center.centerId,
      centerName: 'کلینیک آزمون',
      managerStaffId: center.managerId,
    });
    expect(Buffer.from(device.deviceToken, 'base64url')).toHaveLength(32);

    const pulled = await pull(server, device.deviceToken, 'staff');
    expect(pulled.statusCode).toBe(200);
    expect(pulled.json().documents.map((d: { id: string }) => d.id)).toEqual([center.managerId]);
    // Only the hash of the token is stored.
    const stored = await server.store.getDevice(device.deviceId);
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(device.deviceToken);

    // A code works once.
    const reuse = await post(syncPaths.enrollFinish, { enrollmentId: started.enrollmentId, code });
    expect(reuse.statusCode).toBe(400);
  });

  it('gives the same answer for a wrong password, an unknown mobile and a non-manager', async () => {
    server = await startTestServer();
    const center = await addCenter(server);
    const receptionist = staffDoc(center, { mobile: '+989350000001', passwordHash: '' });
    await server.app.inject({
      method: 'POST',
      url: syncPaths.push('staff'),
      headers: auth(center.token),
      payload: [insertRow(receptionist)],
    });
    const answers = [
      await start(center.mobile, 'wrong-password1'),
      await start('09359999999', center.password),
      await start('not a mobile', center.password),
      await start('09350000001', center.password),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'unauthorized', message: WRONG_CREDENTIALS });
    }
    expect(server.outbox.messages).toEqual([]);
  });

  it('asks a manager of several centers which one, and enrolls to the one named', async () => {
    server = await startTestServer();
    const first = await addCenter(server, 'مرکز یکم');
    const second = await createCenter(
      server.store,
      {
        name: 'مرکز دوم',
        type: 'dental',
        manager: {
          firstName: 'الف',
          lastName: 'ب',
          mobile: first.mobile,
          password: first.password,
        },
      },
      { passwordIterations: TEST_ITERATIONS },
    );
    const ask = await start(first.mobile, first.password);
    expect(ask.statusCode).toBe(400);
    expect(ask.json().details).toEqual({
      reason: 'choose-center',
      centers: expect.arrayContaining([
        { centerId: first.centerId, centerName: 'مرکز یکم' },
        { centerId: second.centerId, centerName: 'مرکز دوم' },
      ]),
    });
    const chosen = await post(syncPaths.enrollStart, {
      mobile: first.mobile,
      password: first.password,
      deviceName: 'x',
      centerId: second.centerId,
    });
    expect(chosen.statusCode).toBe(200);
    const code = await readLatestCode(server.outbox, first.mobile);
    const finish = await post(syncPaths.enrollFinish, {
      enrollmentId: chosen.json().enrollmentId,
      code,
    });
    expect(finish.json()).toMatchObject({
      centerId: second.centerId,
      managerStaffId: second.managerStaffId,
    });
  });

  it('allows five wrong codes, then refuses even the right one', async () => {
    server = await startTestServer();
    const center = await addCenter(server);
    const { enrollmentId } = (await start(center.mobile, center.password)).json();
    const code = await readLatestCode(server.outbox, center.mobile);
    const wrong = code === '000000' ? '111111' : '000000';
    const left: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await post(syncPaths.enrollFinish, { enrollmentId, code: wrong });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.reason).toBe('wrong-code');
      left.push(res.json().details.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    const right = await post(syncPaths.enrollFinish, { enrollmentId, code });
    expect(right.statusCode).toBe(400);
    expect(right.json().details.reason).toBe('attempts-exhausted');
  });

  it('refuses a code after five minutes', async () => {
    server = await startTestServer();
    const center = await addCenter(server);
    const { enrollmentId } = (await start(center.mobile, center.password)).json();
    const code = await readLatestCode(server.outbox, center.mobile);
    server.clock.advance(5 * 60_000);
    const res = await post(syncPaths.enrollFinish, { enrollmentId, code });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid', details: { reason: 'expired' } });
  });

  it('sends at most three codes per mobile in ten minutes', async () => {
    server = await startTestServer();
    const center = await addCenter(server);
    for (let i = 0; i < 3; i++)
      expect((await start(center.mobile, center.password)).statusCode).toBe(200);
    const fourth = await start(center.mobile, center.password);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json()).toMatchObject({ code: 'forbidden', details: { reason: 'rate-limited' } });
    expect(server.outbox.messages).toHaveLength(3);
    server.clock.advance(10 * 60_000 + 1);
    expect((await start(center.mobile, center.password)).statusCode).toBe(200);
  });

  it('rate-limits the enrollment routes per client with a structured 429', async () => {
    server = await startTestServer({ rateLimit: { devicePerMinute: 2 } });
    const body = { mobile: '09120000000', password: 'x', deviceName: 'x' };
    expect((await post(syncPaths.enrollStart, body)).statusCode).toBe(401);
    expect((await post(syncPaths.enrollStart, body)).statusCode).toBe(401);
    const limited = await post(syncPaths.enrollStart, body);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/بیش از حد/),
      details: { reason: 'rate-limited' },
    });
  });
});

describe('revoking a device', () => {
  it('revoked device gets 401 and its open stream ends', async () => {
    server = await startTestServer();
    await server.listen();
    const center = await addCenter(server);
    const stream = await openSse(`${server.url}${syncPaths.stream}`, center.token);
    expect(await stream.nextData()).toBe('RESYNC');

    const res = await post(syncPaths.revoke, {
      mobile: center.mobile,
      password: center.password,
      deviceId: center.deviceId,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      deviceId: center.deviceId,
      revokedAt: server.clock.now().toISOString(),
    });
    await stream.ended;

    const after = await pull(server, center.token, 'patients');
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'unauthorized', details: { reason: 'revoked' } });
    const again = await openSse(`${server.url}${syncPaths.stream}`, center.token);
    expect(again.status).toBe(401);
  });

  it('needs the manager of that device center and the right password', async () => {
    server = await startTestServer();
    const center = await addCenter(server);
    const other = await addCenter(server, 'مرکز دیگر');
    const wrongPassword = await post(syncPaths.revoke, {
      mobile: center.mobile,
      password: 'nope-1234',
      deviceId: center.deviceId,
    });
    expect(wrongPassword.statusCode).toBe(401);
    const otherManager = await post(syncPaths.revoke, {
      mobile: other.mobile,
      password: other.password,
      deviceId: center.deviceId,
    });
    expect(otherManager.statusCode).toBe(404);
    expect((await pull(server, center.token, 'patients')).statusCode).toBe(200);
  });
});
