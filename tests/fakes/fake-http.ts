/**
 * A tiny real HTTP server for the fakes of outside services: each fake answers requests with a
 * handler, records what it was asked (so tests can check what the adapters sent), and can hold a
 * request open forever to play a provider that times out.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type FakeReply =
  | { status: number; json?: unknown; html?: string; redirect?: string }
  /** Never answer (the client's timeout has to end it). */
  | 'hang';

export class FakeHttpServer {
  readonly requests: FakeRequest[] = [];
  url = '';
  private readonly server: http.Server;

  constructor(handler: (request: FakeRequest) => FakeReply | Promise<FakeReply>) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://fake');
        const request: FakeRequest = {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.requests.push(request);
        void Promise.resolve(handler(request)).then((reply) => {
          if (reply === 'hang') return;
          if (reply.redirect) {
            res.writeHead(reply.status, { location: reply.redirect }).end();
          } else if (reply.html !== undefined) {
            res.writeHead(reply.status, { 'content-type': 'text/html; charset=utf-8' });
            res.end(reply.html);
          } else {
            res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' });
            res.end(reply.json === undefined ? '' : JSON.stringify(reply.json));
          }
        });
      });
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The JSON body of a request, or {}. */
export function jsonBody(request: FakeRequest): Record<string, unknown> {
  try {
    return JSON.parse(request.body) as Record<string, unknown>;
  } catch {
    return {};
  }
}
