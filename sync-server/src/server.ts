/**
 * Builds the sync server: a Fastify instance with the replication, stream, enrollment and health
 * routes, center sign-up, licences, staff sessions, the public profile's gallery and posts, the
 * patient portal's API and SPA, helmet, rate limits, body limits and one error shape. Nothing
 * listens until the caller calls `listen` (tests may use `inject`).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { ServerLoggerOptions } from './http/logging';
import helmet from '@fastify/helmet';
import rateLimitPlugin from '@fastify/rate-limit';
import {
  MAX_SYNC_BODY_BYTES,
  STREAM_HEARTBEAT_MS,
  servicePaths,
  syncPaths,
  type HealthResponse,
} from '../../shared/sync/protocol';
import { registerDeviceRoutes } from './devices/routes';
import { LicenceIssuer } from './licence/issuer';
import { generateLicenceKeys, loadOrCreateLicenceKeys, type LicenceKeys } from './licence/keys';
import { registerLicenceRoute } from './licence/routes';
import {
  FileMediaFiles,
  MEDIA_DIR_NAME,
  MemoryMediaFiles,
  type MediaFiles,
} from './media/media-files';
import { registerGalleryRoutes, registerPublicImageRoute } from './media/routes';
import { registerPostRoutes } from './posts/routes';
import { confirmPaidBooking, releaseLapsedHolds } from './portal/holds';
import { registerPortalRoutes } from './portal/routes';
import { defaultPortalDir, registerPortalStatic } from './portal/static';
import { registerSessionRoutes } from './sessions/routes';
import { registerSignupRoutes } from './signup/routes';
import { FileMailOutbox, MemoryMailer, type Mailer } from './mail/mailer';
import { registerOtpRoutes } from './otp/routes';
import { DEFAULT_GATEWAY_ENDPOINTS, type GatewayEndpoints } from './payments/gateway';
import { Gateways } from './payments/gateways';
import { startPayment, type StartPaymentInput, type StartedPayment } from './payments/payments';
import { registerGatewaySettingsRoutes, registerPaymentCallback } from './payments/routes';
import { simulatedGateway } from './payments/simulated-gateway';
import { ProviderSettingsVault } from './secrets/provider-settings';
import { SecretBox } from './secrets/secret-box';
import { OutboxProvider } from './sms/outbox-provider';
import { DEFAULT_SMS_ENDPOINTS, type SmsEndpoints, type SmsProvider } from './sms/provider';
import { registerSmsRoutes } from './sms/routes';
import { SmsProviders } from './sms/sms-providers';
import { SmsWorker, type SmsWorkerOptions } from './sms/sms-worker';
import { deviceAuthenticator } from './http/auth';
import { closeQuietSocketsOnClose } from './http/connections';
import { installErrorHandling, rateLimited } from './http/errors';
import { loggerOptions } from './http/logging';
import type { SmsOutbox } from './outbox/sms-outbox';
import { InProcessChangeFeed, type ChangeFeed } from './replication/change-feed';
import { DEFAULT_RULES } from './replication/default-rules';
import type { WritePath } from './replication/commit';
import { DEFAULT_REGISTRY, prepareRegistry, type CollectionRegistry } from './replication/registry';
import { registerReplicationRoutes } from './replication/routes';
import { StreamRegistry, registerStreamRoute } from './replication/stream';
import type { SyncStore } from './store/sync-store';

export interface RateLimitOptions {
  /** Requests per minute per device (or per IP without a token) on every route. */
  perMinute?: number;
  /** Requests per minute per IP on enrollment and revoke. */
  devicePerMinute?: number;
  /** Requests per minute per IP on the portal's auth routes (register, login, reset, codes). */
  portalAuthPerMinute?: number;
}

export interface ServerOptions {
  store: SyncStore;
  outbox: SmsOutbox;
  /**
   * `false` (the default) for none, pino options (with `stream`; the server adds its redaction),
   * or a logger instance (build it with {@link loggerOptions} to keep the redaction).
   */
  logger?: boolean | ServerLoggerOptions | FastifyBaseLogger;
  now?: () => Date;
  collections?: CollectionRegistry;
  /** Where commits are fanned out; in-process by default. */
  feed?: ChangeFeed;
  /** `false` turns rate limiting off (RxDB's own test suite makes many quick requests). */
  rateLimit?: RateLimitOptions | false;
  heartbeatMs?: number;
  /** Behind a reverse proxy: trust its X-Forwarded-For for client IPs (rate limits). */
  trustProxy?: boolean;
  /**
   * The data folder: the licence key pair (`keys/`) and gallery files (`media/`) live there.
   * Without it (tests) the key pair is made in memory and media are kept in memory.
   */
  dataDir?: string;
  /** Overrides the key pair from `dataDir`. */
  licenceKeys?: LicenceKeys;
  /** Overrides where gallery files go. */
  media?: MediaFiles;
  /** PBKDF2 iterations for sign-up passwords; only tests lower it. */
  passwordIterations?: number;
  /** Seals provider secrets; from `dataDir` (`keys/settings-aes.key`), else in memory. */
  secretBox?: SecretBox;
  /** Where Kavenegar and SMS.ir are reached (tests point them at local fakes). */
  smsEndpoints?: Partial<SmsEndpoints>;
  /** The operator's SMS provider for codes and centers without one; the outbox by default. */
  systemSms?: SmsProvider;
  /** Email (verification codes); the data folder's `outbox/mail/` by default, else in memory. */
  mailer?: Mailer;
  /** The SMS worker's lease, retries and polling (it runs only once `syncWorker.start` is called). */
  smsWorker?: Partial<SmsWorkerOptions>;
  /**
   * This server as payers' browsers reach it (gateway callbacks, the simulated gateway), e.g.
   * `https://clinic.example`; by default the address it listens on.
   */
  publicUrl?: string;
  /** Where ZarinPal and Zibal are reached (sandbox or local fakes). */
  gatewayEndpoints?: Partial<GatewayEndpoints>;
  /** `false` to leave the simulated gateway out (a production server with real gateways only). */
  simulatedGateway?: boolean;
  /**
   * The built portal SPA served at `/` (default: the repository's `dist/portal`); `false` for none.
   * Nothing is served when the folder has no index.html.
   */
  portalDir?: string | false;
  /**
   * How often lapsed payment holds are released (besides at read time) and ended portal sessions
   * deleted; 0 turns the timer off.
   */
  portalSweepMs?: number;
}

export interface SyncServer extends FastifyInstance {
  syncFeed: ChangeFeed;
  syncStreams: StreamRegistry;
  syncLicences: LicenceIssuer;
  syncMedia: MediaFiles;
  /** The server's own document writes (workers, payments) go through this path. */
  syncWritePath: WritePath;
  syncSmsProviders: SmsProviders;
  /** The SMS worker (reminders, sending, delivery reports); `start(ms)` runs it on a timer. */
  syncWorker: SmsWorker;
  syncMailer: Mailer;
  /** The internal payments API for the portal: start a payment, get the gateway's URL. */
  syncPayments: { start(input: StartPaymentInput): Promise<StartedPayment> };
  /** The portal's upkeep: releases payment holds whose time ran out (also run on a timer). */
  syncPortal: { releaseLapsedHolds(): Promise<number> };
}

function isLoggerInstance(value: unknown): value is FastifyBaseLogger {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { child?: unknown }).child === 'function'
  );
}

/** A rate-limit key that never holds a token itself: the token's hash, else the client IP. */
function rateKey(request: { headers: Record<string, unknown>; ip: string }): string {
  const auth = request.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) {
    return `d:${createHash('sha256').update(auth).digest('hex').slice(0, 32)}`;
  }
  return `ip:${request.ip}`;
}

export async function buildServer(options: ServerOptions): Promise<SyncServer> {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? false;
  const app = Fastify({
    bodyLimit: MAX_SYNC_BODY_BYTES,
    trustProxy: options.trustProxy ?? false,
    ...(isLoggerInstance(logger)
      ? { loggerInstance: logger }
      : { logger: logger === false ? false : loggerOptions(logger === true ? {} : logger) }),
  }) as unknown as SyncServer;

  const feed =
    options.feed ?? new InProcessChangeFeed((error) => app.log.error({ err: error }, 'feed'));
  const streams = new StreamRegistry();
  const keys =
    options.licenceKeys ??
    (options.dataDir ? loadOrCreateLicenceKeys(options.dataDir) : generateLicenceKeys());
  const licences = new LicenceIssuer(keys, now);
  const media =
    options.media ??
    (options.dataDir
      ? new FileMediaFiles(path.join(options.dataDir, MEDIA_DIR_NAME))
      : new MemoryMediaFiles());
  app.decorate('syncFeed', feed);
  app.decorate('syncStreams', streams);
  app.decorate('syncLicences', licences);
  app.decorate('syncMedia', media);
  app.decorateRequest('device', null);

  installErrorHandling(app);
  closeQuietSocketsOnClose(app);
  // JSON only: a text body would otherwise reach the handlers as a string.
  app.removeContentTypeParser('text/plain');
  await app.register(helmet, {
    // JSON and an event stream only: no HTML to protect with a CSP, but no framing or sniffing.
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });

  const limits = options.rateLimit === false ? false : (options.rateLimit ?? {});
  if (limits) {
    await app.register(rateLimitPlugin, {
      max: limits.perMinute ?? 1200,
      timeWindow: 60_000,
      keyGenerator: rateKey,
      errorResponseBuilder: (_request, context) => rateLimited(Math.ceil(context.ttl / 1000)),
    });
  }

  const collections = prepareRegistry(options.collections ?? DEFAULT_REGISTRY);
  const writePath: WritePath = { store: options.store, feed, rules: DEFAULT_RULES, now };
  const box =
    options.secretBox ??
    (options.dataDir ? SecretBox.fromDataDir(options.dataDir) : SecretBox.inMemory());
  const vault = new ProviderSettingsVault(options.store, box);
  const smsEndpoints = { ...DEFAULT_SMS_ENDPOINTS, ...options.smsEndpoints };
  const outboxProvider = new OutboxProvider(options.outbox, now);
  const smsProviders = new SmsProviders(
    vault,
    smsEndpoints,
    options.systemSms ?? outboxProvider,
    outboxProvider,
  );
  const worker = new SmsWorker(writePath, smsProviders, app.log, options.smsWorker);
  app.decorate('syncWritePath', writePath);
  app.decorate('syncSmsProviders', smsProviders);
  app.decorate('syncWorker', worker);
  const mailer =
    options.mailer ??
    (options.dataDir
      ? new FileMailOutbox(path.join(options.dataDir, 'outbox', 'mail'))
      : new MemoryMailer());
  app.decorate('syncMailer', mailer);
  const publicUrl = (): string => {
    if (options.publicUrl) return options.publicUrl.replace(/\/+$/, '');
    const address = app.server.address();
    if (!address || typeof address === 'string') return 'http://127.0.0.1';
    const host =
      address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
    return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  };
  const gateways = new Gateways(
    vault,
    { ...DEFAULT_GATEWAY_ENDPOINTS, ...options.gatewayEndpoints },
    () => `${publicUrl()}${servicePaths.simulatedGateway}`,
  );
  // A verified prepayment confirms its portal booking in the same transaction as its ledger entry.
  const payments = { path: writePath, gateways, publicUrl, onVerified: confirmPaidBooking };
  app.decorate('syncPayments', {
    start: (input: StartPaymentInput) => startPayment(payments, input),
  });
  app.addHook('onClose', () => worker.stop());

  app.get(syncPaths.health, (): HealthResponse => ({ ok: true, time: now().toISOString() }));

  const store = options.store;
  const publicLimit = limits ? { max: limits.devicePerMinute ?? 10, timeWindow: 60_000 } : false;
  registerDeviceRoutes(app, { store, sms: smsProviders, now, licences }, streams, publicLimit);
  registerSignupRoutes(
    app,
    {
      store,
      sms: smsProviders,
      now,
      licences,
      feed,
      ...(options.passwordIterations ? { passwordIterations: options.passwordIterations } : {}),
    },
    publicLimit,
  );
  registerPublicImageRoute(app, { store, media, now });
  registerOtpRoutes(app, { store, now, sms: smsProviders, mailer }, publicLimit);
  registerPaymentCallback(app, payments);
  if (options.simulatedGateway !== false) {
    await app.register(simulatedGateway(servicePaths.simulatedGateway), {
      prefix: servicePaths.simulatedGateway,
    });
  }

  const portalDeps = {
    path: writePath,
    otp: { store, now, sms: smsProviders, mailer },
    startPayment: (input: StartPaymentInput) => startPayment(payments, input),
    publicUrl,
    ...(options.passwordIterations ? { passwordIterations: options.passwordIterations } : {}),
  };
  app.decorate('syncPortal', { releaseLapsedHolds: () => releaseLapsedHolds(portalDeps) });
  await app.register(async (portal) => {
    await registerPortalRoutes(portal, portalDeps, {
      authRateLimit: limits ? { max: limits.portalAuthPerMinute ?? 20, timeWindow: 60_000 } : false,
    });
  });
  const sweepMs = options.portalSweepMs ?? 60_000;
  if (sweepMs > 0) {
    const sweep = setInterval(() => {
      releaseLapsedHolds(portalDeps)
        .then(() => store.write((tx) => tx.portal.deleteExpiredSessions(now().toISOString())))
        .catch((error: unknown) => app.log.error({ err: error }, 'portal sweep'));
    }, sweepMs);
    sweep.unref();
    app.addHook('onClose', () => clearInterval(sweep));
  }
  const portalDir = options.portalDir ?? defaultPortalDir(import.meta.dirname);
  if (portalDir !== false) await registerPortalStatic(app, portalDir);

  // Everything under the sync API, and the setup routes of a desk, need a device token.
  await app.register(async (sync) => {
    sync.addHook('onRequest', deviceAuthenticator(store, now));
    registerReplicationRoutes(sync, collections, writePath);
    registerStreamRoute(sync, feed, streams, options.heartbeatMs ?? STREAM_HEARTBEAT_MS);
    registerLicenceRoute(sync, { store, licences });
    registerSessionRoutes(sync, { store, now, licences });
    registerGalleryRoutes(sync, { store, media, now });
    registerPostRoutes(sync, { store, now });
    registerSmsRoutes(sync, { store, vault, providers: smsProviders, now });
    registerGatewaySettingsRoutes(sync, { store, vault, now });
  });

  return app;
}
