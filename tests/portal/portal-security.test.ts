/**
 * S1 and S4 on the portal API: a patient cannot reach another patient's booking by its id; an
 * under-18 birth date and a wrong national id are refused (and leave the registration ticket
 * usable: nothing changed); a cross-site POST (another Origin, a cross-site fetch, no CSRF token)
 * is refused before it does anything; user-entered text only ever leaves as JSON; the SPA's HTML
 * carries its CSP and unknown API paths stay JSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { portalPaths } from '../../shared/portal/contract';
import { readLatestCode } from '../../sync-server/src/index';
import { startTestServer, TEST_ITERATIONS, type TestServer } from '../sync/support/harness';
import { tempDir } from '../support/temp';
import { ACCOUNT_PASSWORD, insertAccount, seedCenter } from './support/center';
import { PortalClient } from './support/client';

let server: TestServer;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await server?.close();
  for (const c of cleanups.splice(0)) c();
});

async function start(extra: Parameters<typeof startTestServer>[0] = {}) {
  server = await startTestServer({
    passwordIterations: TEST_ITERATIONS,
    portalDir: false,
    portalSweepMs: 0,
    ...extra,
  });
  await server.listen();
}

async function signedIn(n: number) {
  const account = await insertAccount(server.store, n, server.clock.now().toISOString());
  const client = new PortalClient(server.url);
  await client.session();
  const res = await client.post(portalPaths.login, {
    mobile: account.mobile,
    password: ACCOUNT_PASSWORD,
  });
  expect(res.status).toBe(200);
  await client.session();
  return { account, client };
}

async function ticketFor(client: PortalClient, mobile: string) {
  await client.session();
  await client.post(portalPaths.registerStart, { mobile });
  const code = await readLatestCode(server.outbox, mobile, 'mobile-code');
  return (await client.post(portalPaths.registerVerifyMobile, { mobile, code })).body.ticket;
}

const details = (ticket: string, overrides: Record<string, unknown> = {}) => ({
  ticket,
  firstName: 'نیما',
  lastName: 'رضایی',
  nationalId: '1234567806',
  gender: 'male',
  birthDate: '1990-01-01',
  email: '',
  password: 'safe-pass-77',
  heardFrom: 'search',
  acceptedPolicyVersion: '1',
  ...overrides,
});

describe('portal security', () => {
  it("answers another patient's booking id exactly like an unknown one", async () => {
    await start();
    const center = await seedCenter(server);
    const alice = await signedIn(1);
    const bob = await signedIn(2);
    const booked = await alice.client.post(portalPaths.bookings, {
      centerId: center.centerId,
      providerId: center.providerId,
      serviceId: center.visitId,
      date: '2026-03-04',
      start: 600,
    });
    const id = booked.body.booking.id as string;
    expect((await alice.client.get(portalPaths.booking(id))).status).toBe(200);
    const unknown = await bob.client.get(
      portalPaths.booking('01a00000-0000-7000-8000-000000000000'),
    );
    for (const res of [
      await bob.client.get(portalPaths.booking(id)),
      await bob.client.get(portalPaths.receipt(id)),
      await bob.client.post(portalPaths.cancel(id)),
      await bob.client.post(portalPaths.pay(id)),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(unknown.body);
    }
    expect((await bob.client.get(portalPaths.bookings)).body.bookings).toEqual([]);
    expect((await alice.client.get(portalPaths.booking(id))).body.status).toBe('booked');
    // Without a session nothing personal is answered.
    const stranger = new PortalClient(server.url);
    expect((await stranger.get(portalPaths.booking(id))).status).toBe(401);
    expect((await stranger.get(portalPaths.bookings)).status).toBe(401);
  });

  it('refuses an under-18 birth date and a wrong national id, changing nothing', async () => {
    await start();
    const client = new PortalClient(server.url);
    const ticket = await ticketFor(client, '09121112233');
    const young = await client.post(
      portalPaths.registerFinish,
      details(ticket, { birthDate: '2010-01-01' }),
    );
    expect(young.status).toBe(400);
    expect(young.body).toMatchObject({
      code: 'invalid',
      details: { reason: 'under-age', fields: { birthDate: expect.any(String) } },
    });
    // Seventeen years and 364 days is still under 18 (today is 2026-03-01 in Tehran).
    const almost = await client.post(
      portalPaths.registerFinish,
      details(ticket, { birthDate: '2008-03-02' }),
    );
    expect(almost.body.details.reason).toBe('under-age');
    const badId = await client.post(
      portalPaths.registerFinish,
      details(ticket, { nationalId: '1234567890' }),
    );
    expect(badId.status).toBe(400);
    expect(badId.body.details.fields.nationalId).toBe('کد ملی معتبر نیست.');
    const oldPolicy = await client.post(
      portalPaths.registerFinish,
      details(ticket, { acceptedPolicyVersion: '0' }),
    );
    expect(oldPolicy.body.details.reason).toBe('policy-version');
    expect(await server.store.portal.getAccountByMobile('+989121112233')).toBeNull();
    expect((await client.session()).body.account).toBeNull();
    // Nothing was spent: the same ticket still opens the account, once.
    const ok = await client.post(portalPaths.registerFinish, details(ticket));
    expect(ok.status).toBe(200);
    const again = await new PortalClient(server.url).session();
    expect(again.status).toBe(200);
    await client.session();
    const reuse = await client.post(
      portalPaths.registerFinish,
      details(ticket, { nationalId: '1234646994' }),
    );
    expect(reuse.status).toBe(400);
    expect(reuse.body.details.reason).toBe('bad-proof');
  });

  it('refuses cross-site state changes: another Origin, a cross-site fetch, no or a wrong CSRF token', async () => {
    await start();
    const center = await seedCenter(server);
    const { client, account } = await signedIn(3);
    const body = {
      centerId: center.centerId,
      providerId: center.providerId,
      serviceId: center.visitId,
      date: '2026-03-04',
      start: 600,
    };
    const evil = new PortalClient(server.url, 'https://evil.example');
    evil.cookie = client.cookie;
    evil.csrf = client.csrf;
    const attempts = [
      await evil.post(portalPaths.bookings, body),
      await client.request('POST', portalPaths.bookings, body, { 'sec-fetch-site': 'cross-site' }),
      await client.request('POST', portalPaths.bookings, body, { 'x-csrf-token': '' }),
      await client.request('POST', portalPaths.bookings, body, { 'x-csrf-token': 'a'.repeat(43) }),
      await client.request(
        'POST',
        portalPaths.close,
        { password: ACCOUNT_PASSWORD },
        { origin: 'null' },
      ),
    ];
    expect(attempts.map((a) => [a.status, a.body.details.reason])).toEqual([
      [403, 'origin'],
      [403, 'origin'],
      [403, 'csrf'],
      [403, 'csrf'],
      [403, 'origin'],
    ]);
    // A login form posted from another site gets no session either.
    const other = new PortalClient(server.url, 'https://evil.example');
    const login = await other.post(portalPaths.login, {
      mobile: account.mobile,
      password: ACCOUNT_PASSWORD,
    });
    expect(login.status).toBe(403);
    expect(login.setCookies).toEqual([]);
    expect((await client.get(portalPaths.bookings)).body.bookings).toEqual([]);
    expect(await server.store.portal.getAccount(account.id)).not.toBeNull();
    // The same request from the portal's own page goes through.
    expect((await client.post(portalPaths.bookings, body)).status).toBe(200);
  });

  it('returns user-entered text only as JSON data', async () => {
    await start();
    const center = await seedCenter(server, {
      bookingRules: '<script>alert(1)</script> قوانین',
    });
    const client = new PortalClient(server.url);
    const ticket = await ticketFor(client, '09124445566');
    const name = '<img src=x onerror=alert(1)>';
    const res = await client.post(portalPaths.registerFinish, details(ticket, { firstName: name }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body.account.firstName).toBe(name);
    await client.session();
    const me = await client.get(portalPaths.me);
    expect(me.headers.get('content-type')).toMatch(/^application\/json/);
    expect(me.body.firstName).toBe(name);
    const page = await client.get(portalPaths.center(center.centerId));
    expect(page.headers.get('content-type')).toMatch(/^application\/json/);
    expect(page.body.bookingRules).toBe('<script>alert(1)</script> قوانین');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the SPA with its CSP, falls back to index.html for its routes, and keeps unknown API paths JSON', async () => {
    const portal = tempDir('clinic-portal-dist-');
    cleanups.push(() => portal.remove());
    fs.mkdirSync(path.join(portal.dir, 'assets'));
    fs.writeFileSync(path.join(portal.dir, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(portal.dir, 'assets', 'app-1234.js'), 'console.log(1)');
    await start({ portalDir: portal.dir });
    const get = (url: string) => server.app.inject({ method: 'GET', url });
    for (const url of ['/', '/centers/abc/book?service=x', '/payment/result?booking=1']) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
    const asset = await get('/assets/app-1234.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await get('/assets/missing.js')).statusCode).toBe(404);
    expect((await get('/../package.json')).statusCode).not.toBe(200);
    const api = await get('/api/portal/nope');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'not-found' });
  });
});
