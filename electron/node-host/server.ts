/**
 * The node-host: serves the built back office to a browser on 127.0.0.1 and carries the same
 * contract as Electron's IPC over HTTP (POST /api/call) and Server-Sent Events (GET /api/events).
 * It is a second transport, not a second app: all logic stays in the core.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { EVENT_NAMES } from '../../shared/api/events';
import { HTTP_STATUS, type ApiError } from '../../shared/api/errors';
import type { Core } from '../core/create-core';
import { serveCall } from '../core/serve';
import { SECURITY_HEADERS } from '../core/host/headers';
import { readStatic } from '../core/host/static-files';
import {
  hostAllowed,
  newToken,
  originAllowed,
  requestToken,
  tokenCookie,
  tokenValid,
} from './security';

export interface NodeHostOptions {
  core: Core;
  /** Folder of the built renderer (index.html and assets/). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token (tests); a random one is made per run otherwise. */
  token?: string;
}

export interface NodeHost {
  /** The address to open once: it carries the token, which the first visit turns into a cookie. */
  openUrl: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;
const HEARTBEAT_MS = 15_000;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, HTTP_STATUS[error.code], { ok: false, error });
}

/** Reads a body up to the limit; a larger one is drained (so the client gets an answer) and refused. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(new Error('too-large'));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

const NOT_SIGNED_IN_PAGE = `<!doctype html><html lang="fa" dir="rtl"><meta charset="utf-8">
<title>میز پذیرش کلینیک</title><body style="font-family:sans-serif;padding:2rem;line-height:2">
<h1>این نشانی به تنهایی کافی نیست</h1>
<p>برای امنیت، برنامه فقط با پیوندی باز می‌شود که هنگام اجرای <code dir="ltr">npm start</code> در پنجره فرمان چاپ شده است. همان پیوند را باز کنید.</p>
</body></html>`;

export async function startNodeHost(options: NodeHostOptions): Promise<NodeHost> {
  const token = options.token ?? newToken();
  const staticDir = path.resolve(options.staticDir);
  const streams = new Set<ServerResponse>();
  let port = 0;

  const unsubscribers = EVENT_NAMES.map((event) =>
    options.core.on(event, (payload) => {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const res of streams) res.write(frame);
    }),
  );

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hostAllowed(req, port)) {
      sendError(res, { code: 'forbidden', message: 'نام میزبان درخواست پذیرفته نیست.' });
      return;
    }
    if (!originAllowed(req, port)) {
      sendError(res, { code: 'forbidden', message: 'درخواست از مبدأ دیگری پذیرفته نیست.' });
      return;
    }

    // First visit: the printed link carries the token; it becomes an httpOnly cookie and leaves the URL.
    const linkToken = url.searchParams.get('token');
    if (req.method === 'GET' && url.pathname === '/' && linkToken !== null) {
      if (!tokenValid(linkToken, token)) {
        sendError(res, { code: 'unauthorized', message: 'پیوند ورود معتبر نیست.' });
        return;
      }
      res.writeHead(303, { ...SECURITY_HEADERS, 'Set-Cookie': tokenCookie(token), Location: '/' });
      res.end();
      return;
    }

    const authed = tokenValid(requestToken(req), token);

    if (url.pathname === '/api/call') {
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        sendError(res, { code: 'invalid', message: 'فقط POST پذیرفته است.' });
        return;
      }
      if (!authed) {
        sendError(res, { code: 'unauthorized', message: 'توکن این اجرا همراه درخواست نیست.' });
        return;
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        sendError(res, { code: 'invalid', message: 'بدنهٔ درخواست باید JSON باشد.' });
        return;
      }
      let request: unknown;
      try {
        request = JSON.parse(await readBody(req));
      } catch (error) {
        const tooLarge = error instanceof Error && error.message === 'too-large';
        sendError(res, {
          code: 'invalid',
          message: tooLarge ? 'درخواست بیش از حد بزرگ است.' : 'بدنهٔ درخواست JSON معتبر نیست.',
        });
        return;
      }
      const response = await serveCall(options.core, request);
      sendJson(res, response.ok ? 200 : HTTP_STATUS[response.error.code], response);
      return;
    }

    if (url.pathname === '/api/events') {
      if (!authed) {
        sendError(res, { code: 'unauthorized', message: 'توکن این اجرا همراه درخواست نیست.' });
        return;
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write('retry: 2000\n\n');
      streams.add(res);
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      req.on('close', () => {
        clearInterval(heartbeat);
        streams.delete(res);
      });
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      sendError(res, { code: 'not-found', message: 'مسیر ناشناخته.' });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, { code: 'invalid', message: 'روش درخواست پذیرفته نیست.' });
      return;
    }
    const isPage = url.pathname === '/' || url.pathname === '/index.html';
    if (isPage && !authed) {
      res.writeHead(401, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
      res.end(NOT_SIGNED_IN_PAGE);
      return;
    }
    const file = readStatic(staticDir, url.pathname);
    if (!file) {
      sendError(res, { code: 'not-found', message: 'پرونده پیدا نشد.' });
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.type,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('node-host request failed', error);
      if (!res.headersSent) sendError(res, { code: 'internal', message: 'خطای داخلی رخ داد.' });
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    openUrl: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    async close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
