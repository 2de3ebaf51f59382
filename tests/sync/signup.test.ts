/**
 * Opening a center account (C1): checked input with a Persian message per field, a one-time code
 * by SMS (the enrollment codes' rules), and the center with its manager and first licence.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setupPaths, syncPaths } from '../../shared/sync/protocol';
import { readLatestCode, type ServerOptions } from '../../sync-server/src/index';
import {
  addCenter,
  pull,
  startTestServer,
  TEST_ITERATIONS,
  type TestServer,
} from './support/harness';

let server: TestServer;
afterEach(() => server.close());

function start(options: Partial<ServerOptions> = {}) {
  return startTestServer({ passwordIterations: TEST_ITERATIONS, ...options }).then((s) => {
    server = s;
    return s;
  });
}

function form(overrides: { manager?: Record<string, unknown> } & Record<string, unknown> = {}) {
  const { manager, ...rest } = overrides;
  return {
    centerName: 'كلينيك  مهر', // Arabic kaf and yeh, two spaces: stored tidied
    centerType: 'dental',
    city: 'شیراز',
    ...rest,
    manager: {
      gender: 'female',
      firstName: 'زهرا',
      lastName: 'کریمی',
      mobile: '۰۹۱۲ ۳۴۵ ۶۷۸۹',
      password: 'mehr1404',
      ...manager,
    },
  };
}

function post(url: string, payload: unknown, ip = '127.0.0.1') {
  return server.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: ip });
}

const MOBILE = '+989123456789';

async function signUp(payload = form()) {
  const started = await post(setupPaths.signupStart, payload);
  expect(started.statusCode).toBe(200);
  return started.json() as { signupId: string; sentTo: string; expiresAt: string };
}

describe('center sign-up', () => {
  it('creates the center, its manager and its licence after the SMS code; the manager can then enroll a desk', async () => {
    await start();
    const started = await signUp();
    expect(started.sentTo).toBe('0912***6789');
    expect(started.expiresAt).toBe(
      new Date(server.clock.now().getTime() + 5 * 60_000).toISOString(),
    );
    expect(server.outbox.messages.map((m) => [m.to, m.kind])).toEqual([[MOBILE, 'signup-code']]);
    expect(server.outbox.messages[0]!.text).toContain('«کلینیک مهر»');

    const code = await readLatestCode(server.outbox, MOBILE, 'signup-code');
    const persian = code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    const finished = await post(setupPaths.signupFinish, {
      signupId: started.signupId,
      code: persian,
    });
    expect(finished.statusCode).toBe(200);
    const created = finished.json();
    expect(created).toEqual({
      centerId: expect.any(String),
      centerName: 'کلینیک مهر',
      managerStaffId: expect.any(String),
    });
    expect(await server.store.getDocument('center', created.centerId)).toMatchObject({
      data: { name: 'کلینیک مهر', type: 'dental', city: 'شیراز' },
    });
    const manager = await server.store.getDocument('staff', created.managerStaffId);
    expect(manager?.data).toMatchObject({
      kind: 'manager',
      active: true,
      firstName: 'زهرا',
      lastName: 'کریمی',
      mobile: MOBILE,
    });
    expect(manager?.data).not.toHaveProperty('gender');
    expect(JSON.parse((await server.store.getLicence(created.centerId))!.payload)).toMatchObject({
      seats: 2,
      centerId: created.centerId,
    });

    // The code works once.
    const again = await post(setupPaths.signupFinish, { signupId: started.signupId, code });
    expect(again.json().details).toEqual({ reason: 'unknown-signup' });

    // The password chosen at sign-up is the manager's: a desk enrolls with it.
    const enroll = await post(syncPaths.enrollStart, {
      mobile: '09123456789',
      password: 'mehr1404',
      deviceName: 'پذیرش',
    });
    expect(enroll.statusCode).toBe(200);
    const device = await post(syncPaths.enrollFinish, {
      enrollmentId: enroll.json().enrollmentId,
      code: await readLatestCode(server.outbox, MOBILE),
    });
    const staff = await pull(server, device.json().deviceToken, 'staff');
    expect(staff.json().documents.map((d: { id: string }) => d.id)).toEqual([
      created.managerStaffId,
    ]);
  });

  it('lets one person manage several centers', async () => {
    await start();
    const existing = await addCenter(server, 'مرکز نخست');
    const started = await signUp(
      form({ manager: { mobile: existing.mobile, password: existing.password } }),
    );
    const code = await readLatestCode(server.outbox, existing.mobile, 'signup-code');
    const res = await post(setupPaths.signupFinish, { signupId: started.signupId, code });
    expect(res.statusCode).toBe(200);
    const enroll = await post(syncPaths.enrollStart, {
      mobile: existing.mobile,
      password: existing.password,
      deviceName: 'پذیرش',
    });
    expect(enroll.json().details.reason).toBe('choose-center');
    expect(enroll.json().details.centers).toHaveLength(2);
  });

  it('refuses bad input with a Persian message per field, and sends nothing', async () => {
    await start();
    const res = await post(
      setupPaths.signupStart,
      form({
        centerName: '   ',
        centerType: 'spa',
        manager: { firstName: ' ', mobile: '0212345678', password: 'short' },
      }),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('invalid');
    expect(Object.keys(body.details.fields).sort()).toEqual([
      'centerName',
      'centerType',
      'manager.firstName',
      'manager.mobile',
      'manager.password',
    ]);
    expect(body.details.fields['manager.password']).toBe('گذرواژه باید دست‌کم ۸ نویسه باشد.');
    for (const message of Object.values(body.details.fields)) expect(message).toMatch(/[آ-ی]/);

    const shape = await post(setupPaths.signupStart, {
      ...form(),
      manager: { ...form().manager, gender: undefined },
      isAdmin: true,
    });
    expect(shape.statusCode).toBe(400);
    expect(Object.keys(shape.json().details.fields).sort()).toEqual(['isAdmin', 'manager.gender']);
    expect(server.outbox.messages).toEqual([]);
  });

  it('counts wrong codes: five tries, then not even the right code, and no center', async () => {
    await start();
    const { signupId } = await signUp();
    const code = await readLatestCode(server.outbox, MOBILE, 'signup-code');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 0; left--) {
      const res = await post(setupPaths.signupFinish, { signupId, code: wrong });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toMatchObject({ reason: 'wrong-code', attemptsLeft: left });
    }
    const right = await post(setupPaths.signupFinish, { signupId, code });
    expect(right.json().details).toEqual({ reason: 'attempts-exhausted' });
    expect(await server.store.hasDocuments('center')).toBe(false);
  });

  it('refuses the code after five minutes', async () => {
    await start();
    const { signupId } = await signUp();
    const code = await readLatestCode(server.outbox, MOBILE, 'signup-code');
    server.clock.advance(5 * 60_000);
    const res = await post(setupPaths.signupFinish, { signupId, code });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual({ reason: 'expired' });
    expect(await server.store.hasDocuments('center')).toBe(false);
  });

  it('sends at most three codes to one mobile in ten minutes, enrollment codes included', async () => {
    await start();
    const center = await addCenter(server);
    const mine = form({ manager: { mobile: center.mobile } });
    await signUp(mine);
    await signUp(mine);
    await post(syncPaths.enrollStart, {
      mobile: center.mobile,
      password: center.password,
      deviceName: 'x',
    });
    const fourth = await post(setupPaths.signupStart, mine);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().details.reason).toBe('rate-limited');
    server.clock.advance(10 * 60_000 + 1);
    expect((await post(setupPaths.signupStart, mine)).statusCode).toBe(200);
  });

  it('allows ten sign-ups per IP per hour, and rate-limits the routes per minute', async () => {
    await start({ rateLimit: false });
    for (let i = 0; i < 10; i++) {
      const mobile = `0935000000${i}`;
      expect(
        (await post(setupPaths.signupStart, form({ manager: { mobile } }), '10.0.0.7')).statusCode,
      ).toBe(200);
    }
    const eleventh = await post(
      setupPaths.signupStart,
      form({ manager: { mobile: '09351111111' } }),
      '10.0.0.7',
    );
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().details.retryAfterSeconds).toBe(3600);
    expect(
      (await post(setupPaths.signupStart, form({ manager: { mobile: '09351111111' } }), '10.0.0.8'))
        .statusCode,
    ).toBe(200);
    await server.close();

    await start({ rateLimit: { devicePerMinute: 2 } });
    await post(setupPaths.signupFinish, { signupId: 'x', code: '123456' });
    await post(setupPaths.signupFinish, { signupId: 'x', code: '123456' });
    const limited = await post(setupPaths.signupFinish, { signupId: 'x', code: '123456' });
    expect(limited.statusCode).toBe(429);
  });
});
