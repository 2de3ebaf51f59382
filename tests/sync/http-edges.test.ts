/**
 * The HTTP edges: authentication on every sync route, one error shape everywhere (unknown routes,
 * bad JSON, oversized bodies, wrong content types), security headers, and logs without secrets.
 */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_SYNC_BODY_BYTES, syncPaths } from '../../shared/sync/protocol';
import { readLatestCode } from '../../sync-server/src/index';
import { addCenter, auth, push, startTestServer, type TestServer } from './support/harness';
import { insertRow, patientDoc } from './support/documents';

let server: TestServer;
afterEach(() => server.close());

describe('authentication', () => {
  it('answers 401 without a token, with a malformed or an unknown one, on pull and push', async () => {
    server = await startTestServer();
    const headers = [{}, { authorization: 'Basic abc' }, auth('x'.repeat(43))];
    for (const h of headers) {
      for (const [method, url] of [
        ['GET', syncPaths.pull('patients')],
        ['POST', syncPaths.push('patients')],
      ] as const) {
        const res = await server.app.inject({
          method,
          url,
          headers: h,
          payload: method === 'POST' ? [] : undefined,
        });
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(h)}`).toBe(401);
        expect(res.json()).toMatchObject({ code: 'unauthorized', message: expect.any(String) });
      }
    }
  });

  it('leaves health open', async () => {
    server = await startTestServer();
    const res = await server.app.inject({ method: 'GET', url: syncPaths.health });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, time: server.clock.now().toISOString() });
  });

  it('records when a device was last seen, by the server clock', async () => {
    server = await startTestServer();
    const center = await addCenter(server);
    await push(server, center.token, 'patients', []);
    expect((await server.store.getDevice(center.deviceId))?.lastSeenAt).toBe(
      server.clock.now().toISOString(),
    );
  });
});

describe('errors are {code, message} everywhere', () => {
  it('404 for unknown routes', async () => {
    server = await startTestServer();
    const res = await server.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'not-found', message: expect.any(String) });
  });

  it('400 invalid for a malformed JSON body, 415 for another content type, 413 above the limit', async () => {
    server = await startTestServer();
    const center = await addCenter(server);
    const bad = await server.app.inject({
      method: 'POST',
      url: syncPaths.push('patients'),
      headers: { ...auth(center.token), 'content-type': 'application/json' },
      payload: '[{"newDocumentState": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ code: 'invalid', message: 'بدنهٔ درخواست JSON معتبر نیست.' });

    const text = await server.app.inject({
      method: 'POST',
      url: syncPaths.enrollStart,
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('invalid');

    const huge = await server.app.inject({
      method: 'POST',
      url: syncPaths.push('patients'),
      headers: { ...auth(center.token), 'content-type': 'application/json' },
      payload: `[${' '.repeat(MAX_SYNC_BODY_BYTES)}]`,
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('invalid');

    const enrollHuge = await server.app.inject({
      method: 'POST',
      url: syncPaths.enrollStart,
      payload: { mobile: '0912', password: 'x'.repeat(10_000), deviceName: 'x' },
    });
    expect(enrollHuge.statusCode).toBe(413);
  });

  it('sets security headers', async () => {
    server = await startTestServer();
    const res = await server.app.inject({ method: 'GET', url: syncPaths.health });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  });
});

describe('logs', () => {
  it('carry no token, password, code or password hash', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    server = await startTestServer({ logger: { level: 'trace', stream } });
    const center = await addCenter(server);
    const started = await server.app.inject({
      method: 'POST',
      url: syncPaths.enrollStart,
      payload: { mobile: center.mobile, password: center.password, deviceName: 'x' },
    });
    const code = await readLatestCode(server.outbox, center.mobile);
    const finished = await server.app.inject({
      method: 'POST',
      url: syncPaths.enrollFinish,
      payload: { enrollmentId: started.json().enrollmentId, code },
    });
    const token = finished.json().deviceToken as string;
    await push(server, token, 'patients', [insertRow(patientDoc(center))]);
    await server.app.inject({
      method: 'POST',
      url: syncPaths.push('patients'),
      headers: auth(token),
      payload: '{',
    });
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    expect(log).toContain('device enrolled');
    for (const secret of [token, center.password, code, center.token, 'pbkdf2-sha256']) {
      expect(log).not.toContain(secret);
    }
  });
});
