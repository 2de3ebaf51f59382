/**
 * Serves the built portal SPA (`dist/portal`, made by `npm run build`) at `/`: its files as they
 * are (hashed `/assets/*` cached for a year), and `index.html` for every other GET that is not an
 * API or server path, so history-routed deep links and the gateway's return to `/payment/result`
 * load the app. The HTML carries a CSP for the SPA (own scripts and styles only, images from here
 * or https, API calls to this origin, no framing); the API keeps helmet's `default-src 'none'`.
 * When the folder has no index.html (a server built without the portal) nothing is mounted.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths the SPA never owns: unknown ones answer the JSON 404, not index.html. */
const SERVER_PREFIXES = ['/api/', '/public/', '/simulated-gateway/'];

export function hasPortal(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'index.html'));
}

/**
 * `dist/portal` seen from this module: beside the bundled server (`dist/sync-server/main.mjs`) or
 * from the sources (`sync-server/src/`).
 */
export function defaultPortalDir(moduleDir: string): string {
  const bundled = path.resolve(moduleDir, '..', 'portal');
  return hasPortal(bundled) ? bundled : path.resolve(moduleDir, '..', '..', 'dist', 'portal');
}

export async function registerPortalStatic(app: FastifyInstance, dir: string): Promise<boolean> {
  if (!hasPortal(dir)) return false;
  const root = path.resolve(dir);
  await app.register(fastifyStatic, { root, serve: false });

  const sendIndex = (reply: FastifyReply) =>
    reply
      .header('content-security-policy', PORTAL_CSP)
      .header('cache-control', 'no-cache')
      .sendFile('index.html', { cacheControl: false });

  app.get('/', (_request, reply) => sendIndex(reply));
  app.get<{ Params: { '*': string } }>('/*', async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (SERVER_PREFIXES.some((p) => url.startsWith(p))) return reply.callNotFound();
    let decoded: string;
    try {
      decoded = decodeURIComponent(url);
    } catch {
      return reply.callNotFound();
    }
    const wanted = path.resolve(root, `.${decoded}`);
    const inside = wanted.startsWith(`${root}${path.sep}`);
    if (inside && fs.statSync(wanted, { throwIfNoEntry: false })?.isFile()) {
      // Hashed build files never change under one name; the rest is checked on every visit.
      const hashed = url.startsWith('/assets/');
      return reply
        .header('content-security-policy', PORTAL_CSP)
        .sendFile(
          path.relative(root, wanted),
          hashed ? { maxAge: 31_536_000_000, immutable: true } : { maxAge: 0 },
        );
    }
    // A missing asset is a 404, not the app: a stale page would otherwise run HTML as a script.
    if (url.startsWith('/assets/') || path.extname(url) !== '') return reply.callNotFound();
    return sendIndex(reply);
  });
  return true;
}
