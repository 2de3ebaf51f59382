/**
 * One-time codes for every use: short expiry, limited tries, limits per number and per IP over
 * every purpose together, codes never stored in clear, one-use proofs; and email codes through a
 * real local SMTP server (smtp-server), read back from what it received.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { servicePaths } from '../../shared/sync/protocol';
import { readLatestCode } from '../../sync-server/src/index';
import { SmtpMailer } from '../../sync-server/src/mail/mailer';
import { consumeProof, verifyCode } from '../../sync-server/src/otp/one-time-codes';
import type { KyselySyncStore } from '../../sync-server/src/store/kysely-store';
import { startTestServer, type TestServer } from './support/harness';

let server: TestServer;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await server.close();
  for (const c of cleanups.splice(0)) await c();
});

function start(body: Record<string, unknown>, ip = '10.0.0.7') {
  return server.app.inject({
    method: 'POST',
    url: servicePaths.otpStart,
    payload: body,
    remoteAddress: ip,
  });
}

function verify(challengeId: string, code: string) {
  return server.app.inject({
    method: 'POST',
    url: servicePaths.otpVerify,
    payload: { challengeId, code },
  });
}

const deps = () => ({
  store: server.store,
  now: server.clock.now,
  sms: server.app.syncSmsProviders,
  mailer: server.app.syncMailer,
});

describe('one-time codes', () => {
  it('verifies a mobile with its SMS code once, and the proof opens the next step once', async () => {
    server = await startTestServer();
    const res = await start({ purpose: 'portal-mobile', to: '۰۹۱۲۳۴۵۶۷۸۹' });
    expect(res.json()).toMatchObject({ sentTo: '0912***6789' });
    const code = await readLatestCode(server.outbox, '09123456789', 'mobile-code');
    const ok = await verify(res.json().challengeId, code);
    expect(ok.statusCode).toBe(200);
    const { proof } = ok.json();
    expect((await verify(res.json().challengeId, code)).json().details.reason).toBe(
      'unknown-challenge',
    );
    await expect(consumeProof(deps(), proof, 'password-reset')).rejects.toThrow();
    expect(await consumeProof(deps(), proof, 'portal-mobile')).toBe('+989123456789');
    await expect(consumeProof(deps(), proof, 'portal-mobile')).rejects.toThrow();
  });

  it('finds the newest challenge by mobile for the portal, and expires codes after 5 minutes', async () => {
    server = await startTestServer();
    await start({ purpose: 'password-reset', to: '09123456789' });
    const code = await readLatestCode(server.outbox, '09123456789', 'reset-code');
    server.clock.advance(5 * 60_000);
    await expect(
      verifyCode(deps(), { purpose: 'password-reset', to: '09123456789', code }),
    ).rejects.toMatchObject({ details: { reason: 'expired' } });
    await start({ purpose: 'password-reset', to: '09123456789' });
    const fresh = await readLatestCode(server.outbox, '09123456789', 'reset-code');
    const verified = await verifyCode(deps(), {
      purpose: 'password-reset',
      to: '+989123456789',
      code: fresh,
    });
    expect(verified.subject).toBe('+989123456789');
  });

  it('allows 5 tries, then refuses even the right code', async () => {
    server = await startTestServer();
    const { challengeId } = (await start({ purpose: 'portal-mobile', to: '09123456789' })).json();
    const code = await readLatestCode(server.outbox, '09123456789', 'mobile-code');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 0; left--) {
      expect((await verify(challengeId, wrong)).json().details).toMatchObject({
        reason: 'wrong-code',
        attemptsLeft: left,
      });
    }
    expect((await verify(challengeId, code)).json().details.reason).toBe('attempts-exhausted');
  });

  it('sends at most 3 codes to a number in 10 minutes, over every purpose together', async () => {
    server = await startTestServer({ rateLimit: false });
    expect((await start({ purpose: 'portal-mobile', to: '09123456789' })).statusCode).toBe(200);
    expect((await start({ purpose: 'password-reset', to: '09123456789' })).statusCode).toBe(200);
    expect((await start({ purpose: 'portal-mobile', to: '09123456789' })).statusCode).toBe(200);
    const fourth = await start({ purpose: 'password-reset', to: '09123456789' });
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().details.reason).toBe('rate-limited');
    server.clock.advance(10 * 60_000 + 1);
    expect((await start({ purpose: 'portal-mobile', to: '09123456789' })).statusCode).toBe(200);
  });

  it('sends at most 20 codes an hour from one IP, whatever the numbers', async () => {
    server = await startTestServer({ rateLimit: false });
    for (let i = 0; i < 20; i++) {
      const to = `0912${String(1000000 + i)}`;
      expect((await start({ purpose: 'portal-mobile', to }, '10.9.9.9')).statusCode).toBe(200);
    }
    expect(
      (await start({ purpose: 'portal-mobile', to: '09351234567' }, '10.9.9.9')).statusCode,
    ).toBe(429);
    expect(
      (await start({ purpose: 'portal-mobile', to: '09351234567' }, '10.1.1.1')).statusCode,
    ).toBe(200);
  });

  it('never stores a code (or the proof) in clear', async () => {
    server = await startTestServer();
    const { challengeId } = (await start({ purpose: 'portal-mobile', to: '09123456789' })).json();
    const code = await readLatestCode(server.outbox, '09123456789', 'mobile-code');
    const { proof } = (await verify(challengeId, code)).json();
    const db = (server.store as KyselySyncStore).db;
    const rows = [
      ...(await db.selectFrom('otp_challenges').selectAll().execute()),
      ...(await db.selectFrom('code_sends').selectAll().execute()),
    ];
    const dump = JSON.stringify(rows);
    expect(dump).toContain('+989123456789');
    expect(dump).not.toContain(`"${code}"`);
    expect(dump).not.toMatch(new RegExp(`[^0-9a-f]${code}[^0-9a-f]`));
    expect(dump).not.toContain(proof);
    expect(dump).not.toContain('10.0.0.7');
  });

  it('emails an address its code through SMTP, received by a real local SMTP server', async () => {
    const received: { to: string[]; raw: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
    const port = (smtp.server.address() as AddressInfo).port;
    server = await startTestServer({
      mailer: new SmtpMailer({ host: '127.0.0.1', port, secure: false, ignoreTLS: true }),
    });
    const res = await start({ purpose: 'portal-email', to: ' Sara.Ahmadi@Example.COM ' });
    expect(res.json().sentTo).toBe('s***@example.com');
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['sara.ahmadi@example.com']);
    const code = codeInMail(received[0]!.raw);
    expect((await verify(res.json().challengeId, code)).statusCode).toBe(200);
  });
});

/** The 6-digit code in a MIME message's text part (quoted-printable or base64). */
function codeInMail(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  let body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) {
    body = Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  } else if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    body = Buffer.from(bytes, 'latin1').toString('utf8');
  }
  const match = /کد تأیید ایمیل شما: (\d{6})/.exec(body);
  if (!match) throw new Error(`no code in ${body}`);
  return match[1]!;
}
