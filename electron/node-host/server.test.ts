import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDesk, type TestDesk } from '../../tests/support/desk';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request, so tests control every header (fetch forbids setting Host and Origin). */
function request(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('node-host', () => {
  let desk: TestDesk;
  let port: number;
  let auth: Record<string, string>;
  const call = (body: unknown, headers: Record<string, string> = {}) =>
    request(port, '/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    desk = await startTestDesk();
    port = desk.host.port;
    auth = { cookie: `clinic_desk_token=${desk.host.token}` };
  });
  afterAll(() => desk.close());

  it('listens on 127.0.0.1 only', () => {
    expect(desk.host.origin).toBe(`http://127.0.0.1:${port}`);
  });

  it('answers a call that carries the token', async () => {
    const reply = await call({ method: 'app.info', args: {} }, auth);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: true,
      result: { host: 'node-host', deviceId: desk.core.info.deviceId },
    });
  });

  it('refuses a call without the token, and one with a wrong token', async () => {
    const none = await call({ method: 'patients.create', args: { firstName: 'x' } });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await call(
      { method: 'app.info', args: {} },
      { authorization: 'Bearer not-the-token' },
    );
    expect(wrong.status).toBe(401);
    expect((await request(port, '/api/events')).status).toBe(401);
  });

  it('refuses a call from a foreign Origin even with the token', async () => {
    const reply = await call(
      { method: 'app.info', args: {} },
      { ...auth, origin: 'https://evil.example' },
    );
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body).error.code).toBe('forbidden');
    const crossSite = await call(
      { method: 'app.info', args: {} },
      { ...auth, 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    const ours = await call(
      { method: 'app.info', args: {} },
      { ...auth, origin: `http://localhost:${port}` },
    );
    expect(ours.status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const reply = await request(port, '/api/call', {
      method: 'POST',
      headers: { ...auth, host: `evil.example:${port}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(403);
  });

  it('turns the printed link into an httpOnly SameSite cookie and drops the token from the URL', async () => {
    const reply = await request(port, `/?token=${desk.host.token}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(reply.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await request(port, '/?token=wrong')).status).toBe(401);
  });

  it('serves the app page only with the token, with a strict CSP', async () => {
    const without = await request(port, '/');
    expect(without.status).toBe(401);
    expect(without.body).toContain('npm start');
    const page = await request(port, '/', { headers: auth });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/%00',
    ]) {
      const reply = await request(port, path, { headers: auth });
      expect(reply.status, path).toBe(404);
    }
  });

  it('answers bad requests with stable codes and changes nothing', async () => {
    const badJson = await request(port, '/api/call', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body).error.code).toBe('invalid');
    const notJson = await request(port, '/api/call', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(notJson.status).toBe(400);
    const unknown = await call({ method: 'patients.drop', args: {} }, auth);
    expect(unknown.status).toBe(404);
    const invalid = await call(
      {
        method: 'patients.create',
        args: { firstName: 'علی', lastName: 'رضایی', mobile: '12', gender: 'male' },
      },
      auth,
    );
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error.details.fields.mobile).toMatch(/همراه/);
    const huge = await call(
      { method: 'patients.search', args: { query: 'x'.repeat(2_000_000) } },
      auth,
    );
    expect(huge.status).toBe(400);
    expect((await desk.core.call('patients.search', {})).total).toBe(0);
  });

  it('streams events to an authenticated client', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port,
          path: '/api/events',
          headers: { ...auth, host: `127.0.0.1:${port}` },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes('event: data-changed')) {
              req.destroy();
              resolve(text);
            }
          });
          void desk.core.call('patients.create', {
            firstName: 'مریم',
            lastName: 'رضایی',
            mobile: '09121234567',
            gender: 'female',
          });
        },
      );
      req.on('error', reject);
    });
    expect(received).toMatch(/event: data-changed\ndata: \{"collection":"patients"/);
  });
});
