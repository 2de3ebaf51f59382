/**
 * The account's own corners: the privacy policy's versions (a fresh install's version 1, an
 * announced version with its notice window, history; published from the operator's command), the
 * profile edit (an under-18 date refused, a changed email unverified again), the auth routes' rate
 * limit, and registering a mobile that already has an account.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { portalPaths } from '../../shared/portal/contract';
import { openSqliteStore, runCommand } from '../../sync-server/src/index';
import { policyInfo, publishPolicy } from '../../sync-server/src/portal/policy';
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
  await client.post(portalPaths.login, { mobile: account.mobile, password: ACCOUNT_PASSWORD });
  await client.session();
  return { account, client };
}

const TEXT_V2 = 'نسخهٔ دوم سیاست حفظ حریم خصوصی: پیامک‌های یادآوری را می‌توانید خاموش کنید.';

describe('portal account', () => {
  it('seeds version 1, announces a future version, and moves to it on its date', async () => {
    await start();
    const client = new PortalClient(server.url);
    const first = await client.get(portalPaths.policy);
    expect(first.body.current).toMatchObject({ version: '1', text: expect.stringContaining('۱۸') });
    expect(first.body.upcoming).toBeNull();
    const in10Days = new Date(server.clock.now().getTime() + 10 * 86_400_000).toISOString();
    await publishPolicy(
      server.store,
      { version: '2', text: TEXT_V2, effectiveAt: in10Days },
      server.clock.now(),
    );
    await expect(
      publishPolicy(server.store, { version: '2', text: TEXT_V2 }, server.clock.now()),
    ).rejects.toMatchObject({ code: 'conflict' });
    const announced = await client.get(portalPaths.policy);
    expect(announced.body.current.version).toBe('1');
    expect(announced.body.upcoming).toMatchObject({ version: '2', effectiveAt: in10Days });
    expect(announced.body.history.map((h: { version: string }) => h.version)).toEqual(['1', '2']);
    server.clock.advance(10 * 86_400_000);
    const moved = await client.get(portalPaths.policy);
    expect(moved.body.current.version).toBe('2');
    expect(moved.body.upcoming).toBeNull();
  });

  it('publishes a version from the operator command, effective in 30 days by default', async () => {
    const temp = tempDir('clinic-policy-');
    cleanups.push(() => temp.remove());
    const file = path.join(temp.dir, 'policy.txt');
    fs.writeFileSync(file, TEXT_V2);
    const lines: string[] = [];
    const now = new Date('2026-03-01T00:00:00.000Z');
    const code = await runCommand(temp.dir, ['policy', '2', '--file', file], {
      out: (l) => lines.push(l),
      now: () => now,
    });
    expect(code).toBe(0);
    expect(lines.join('\n')).toContain('2026-03-31T00:00:00.000Z');
    const store = await openSqliteStore(temp.dir);
    try {
      const info = await policyInfo(store, now);
      expect(info.upcoming).toMatchObject({ version: '2', text: TEXT_V2 });
      expect(info.current.version).toBe('1');
    } finally {
      await store.close();
    }
    await expect(runCommand(temp.dir, ['policy', '3'], { out: () => undefined })).rejects.toThrow(
      /usage/,
    );
  });

  it('edits the profile: an under-18 date is refused, a new email must be verified again', async () => {
    await start();
    const { client, account } = await signedIn(1);
    await server.store.write((tx) =>
      tx.portal.updateAccount(account.id, { email: 'a@example.com', emailVerified: true }),
    );
    const profile = {
      firstName: 'مهسا',
      lastName: 'نادری',
      gender: 'female',
      birthDate: '1991-02-02',
      email: 'a@example.com',
    };
    const same = await client.request('PUT', portalPaths.me, profile);
    expect(same.body).toMatchObject({ firstName: 'مهسا', emailVerified: true });
    const young = await client.request('PUT', portalPaths.me, {
      ...profile,
      birthDate: '2015-01-01',
    });
    expect(young.body.details.reason).toBe('under-age');
    expect((await client.get(portalPaths.me)).body.birthDate).toBe('1991-02-02');
    const changed = await client.request('PUT', portalPaths.me, {
      ...profile,
      email: 'B@Example.com',
    });
    expect(changed.body).toMatchObject({ email: 'b@example.com', emailVerified: false });
  });

  it('refuses a second account for a registered mobile before sending any code', async () => {
    await start();
    const { account } = await signedIn(1);
    const client = new PortalClient(server.url);
    await client.session();
    const res = await client.post(portalPaths.registerStart, { mobile: account.mobile });
    expect(res.status).toBe(409);
    expect(res.body.details.reason).toBe('mobile-taken');
    expect(server.outbox.messages).toEqual([]);
  });

  it('ends a session after 14 days, and the sweep removes it', async () => {
    await start();
    const { client } = await signedIn(1);
    server.clock.advance(14 * 86_400_000 - 1000);
    expect((await client.get(portalPaths.me)).status).toBe(200);
    server.clock.advance(1000);
    expect((await client.get(portalPaths.me)).status).toBe(401);
    const removed = await server.store.write((tx) =>
      tx.portal.deleteExpiredSessions(server.clock.now().toISOString()),
    );
    expect(removed).toBe(1);
  });

  it('finds centers by name, city and service or specialty, and 404s an unknown one', async () => {
    await start();
    const skin = await seedCenter(server, {}, 'کلینیک پوست آرامش');
    const teeth = await seedCenter(server, { city: 'شیراز' }, 'دندانپزشکی لبخند');
    const client = new PortalClient(server.url);
    const ids = async (query: string) =>
      ((await client.get(`${portalPaths.centers}${query}`)).body.centers as { id: string }[]).map(
        (c) => c.id,
      );
    const enc = encodeURIComponent;
    expect((await ids('')).sort()).toEqual([skin.centerId, teeth.centerId].sort());
    expect(await ids(`?q=${enc('لبخند')}`)).toEqual([teeth.centerId]);
    expect(await ids(`?city=${enc('اصفهان')}`)).toEqual([skin.centerId]);
    expect((await ids(`?service=${enc('متخصص پوست')}`)).sort()).toEqual(
      [skin.centerId, teeth.centerId].sort(),
    );
    expect(await ids(`?city=${enc('شیراز')}&service=${enc('لیزر')}`)).toEqual([teeth.centerId]);
    expect(await ids(`?service=${enc('ارتودنسی')}`)).toEqual([]);
    const missing = await client.get(portalPaths.center('no-such-center'));
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not-found');
  });

  it('refuses a mobile after 10 failed logins in 15 minutes, from any IP, and forgets them later', async () => {
    await start({ rateLimit: false });
    const { account } = await signedIn(1);
    const login = async (password: string) => {
      const c = new PortalClient(server.url);
      await c.session();
      return c.post(portalPaths.login, { mobile: account.mobile, password });
    };
    for (let i = 0; i < 10; i++) expect((await login('wrong-pass-1')).status).toBe(401);
    const locked = await login(ACCOUNT_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.details.reason).toBe('rate-limited');
    expect(locked.setCookies).toEqual([]);
    server.clock.advance(15 * 60_000 + 1);
    expect((await login(ACCOUNT_PASSWORD)).status).toBe(200);
    // A success clears the count.
    for (let i = 0; i < 9; i++) await login('wrong-pass-1');
    expect((await login(ACCOUNT_PASSWORD)).status).toBe(200);
    expect((await login('wrong-pass-1')).status).toBe(401);
    expect((await login(ACCOUNT_PASSWORD)).status).toBe(200);
  });

  it('rate-limits the auth routes per IP', async () => {
    await start({ rateLimit: { portalAuthPerMinute: 5 } });
    const client = new PortalClient(server.url);
    await client.session();
    const tries = [];
    for (let i = 0; i < 6; i++) {
      tries.push(
        await client.post(portalPaths.login, { mobile: '09351111111', password: 'wrong-123' }),
      );
    }
    expect(tries.map((t) => t.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(tries[5]!.body.details.reason).toBe('rate-limited');
    // Reading is not an auth route.
    expect((await client.get(portalPaths.policy)).status).toBe(200);
  });
});
