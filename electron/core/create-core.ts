/**
 * The desktop core: the whole back office's logic on the local database, behind one `call`.
 * Hosts (Electron's IPC, the node-host's HTTP) only carry calls and events to it.
 */
import fs from 'node:fs';
import { Subscription } from 'rxjs';
import type { RxCollection } from 'rxdb';
import type { AppInfo } from '../../shared/api/app';
import {
  contract,
  isMethodName,
  type Args,
  type MethodName,
  type Result,
} from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { CollectionName, EventName } from '../../shared/api/events';
import type { MethodSpec } from '../../shared/api/method';
import { parseOrThrow } from '../../shared/api/validate';
import { SessionManager } from './auth/session';
import { RightsResolver } from './auth/rights-resolver';
import { AuditWriter } from './audit/audit-writer';
import { DocWriter } from './write/doc-writer';
import { LicenceService } from './licence/licence-service';
import { PatientSearchIndex } from './patients/search-index';
import { FileNumbers } from './patients/file-numbers';
import { MoneyAggregates } from './money/aggregates';
import { PERMISSIONS } from '../../shared/auth/rights';
import { loadDeviceIdentity } from './config';
import type { Actor, CoreContext } from './context';
import { collectionSchemas } from './db/collections';
import { openDatabase } from './db/database';
import type { StorageKind } from './db/storage';
import { Emitter, type Listener } from './emitter';
import { createRegistry } from './registry';
import { DOMAIN_HANDLERS } from './handlers';
import { LOCAL_ACTOR, SyncService } from './sync/service';
import { WriteQueue } from './write-queue';
import { PRODUCT_VERSION } from './version';

export interface CoreOptions {
  /** Folder for the database and the device identity; created if missing. */
  dataDir: string;
  host: AppInfo['host'];
  /** `sqlite` (default): durable, under `<dataDir>/db/`. `memory`: nothing survives a restart. */
  storage?: StorageKind;
  /** better-sqlite3 addon built for Electron's ABI (the Electron main process passes it). */
  nativeBinding?: string;
  /** RxDB dev-mode checks (tests). */
  devMode?: boolean;
  now?: () => Date;
}

export interface Core {
  /** Calls a contract method with untrusted arguments; throws {@link AppError}. */
  call<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>>;
  /** Same, for a method name that came over a wire and is not yet known to exist. */
  callUnknown(method: string, args: unknown): Promise<unknown>;
  on<E extends EventName>(event: E, listener: Listener<E>): () => void;
  /** Every live document of a collection, as stored (diagnostics, exports, tests). */
  dump(collection: CollectionName): Promise<Record<string, unknown>[]>;
  /** Resolves when background start-up work (the patient search index) is done. */
  whenIdle(): Promise<void>;
  /** Resolves when sync has nothing left to send or fetch (no-op when not enrolled). */
  awaitSynced(): Promise<void>;
  close(): Promise<void>;
  readonly info: AppInfo;
}

/**
 * Who may call what (C10): on an enrolled desk a staff member must be logged in and hold the
 * method's right, read afresh from the synced staff and center documents. A desk working alone (not
 * enrolled) has one local actor. The server checks every pushed change again.
 */
async function checkAccess(spec: MethodSpec, ctx: CoreContext): Promise<void> {
  if (spec.public || !ctx.sync.enrolled) return;
  const session = await ctx.session.refreshed();
  if (!session) throw new AppError('unauthorized', 'ابتدا وارد شوید.');
  if (spec.permission && !session.rights.includes(spec.permission)) {
    const label = PERMISSIONS.find((p) => p.id === spec.permission)?.label ?? spec.permission;
    throw new AppError('forbidden', `این کار به دسترسی «${label}» نیاز دارد.`, {
      permission: spec.permission,
    });
  }
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const handlers = createRegistry(...DOMAIN_HANDLERS);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const now = options.now ?? (() => new Date());
  const device = loadDeviceIdentity(options.dataDir);
  const emitter = new Emitter();
  // The licence service reads the pinned key from the sync config, which exists once enrolled.
  let sync: SyncService | null = null;
  const licence = new LicenceService(
    options.dataDir,
    () => sync?.licenceKey ?? null,
    () => device.centerId,
    now,
  );
  sync = new SyncService({
    dataDir: options.dataDir,
    device,
    saveLicence: (signed) => licence.save(signed),
    emit: (status) => emitter.emit('sync-status', status),
    now,
  });
  const { db, storageKind } = await openDatabase({
    dataDir: options.dataDir,
    storage: options.storage ?? 'sqlite',
    nativeBinding: options.nativeBinding,
    devMode: options.devMode ?? false,
    conflictLog: () => sync.conflictLog,
    onLocalWrite: (collection, doc) => sync.pending.markLocal(collection, doc.id, doc.updatedAt),
  });

  const info: AppInfo = {
    productVersion: PRODUCT_VERSION,
    host: options.host,
    storage: storageKind,
    dataDir: options.dataDir,
    get deviceId() {
      return device.deviceId;
    },
    get centerId() {
      return device.centerId;
    },
  };
  const rights = new RightsResolver(db, () => device.centerId);
  const session = new SessionManager({ db, rights, licence, server: () => sync.http(), now });
  const localActor: Actor = { staffId: LOCAL_ACTOR, name: 'این رایانه (پیش از اتصال به مرکز)' };
  const actor = (): Actor => {
    const s = session.current();
    return s ? { staffId: s.staffId, name: s.name } : localActor;
  };
  const audit = new AuditWriter(db, () => device, now);
  const patientIndex = new PatientSearchIndex(db, () => device.centerId);
  // Built in the background once the first screen has had its turn.
  const money = new MoneyAggregates(db);
  const indexTimer = setTimeout(() => {
    void patientIndex.load().then(() => money.load());
  }, 1_000);
  indexTimer.unref?.();
  const ctx: CoreContext = {
    db,
    device,
    get actor(): Actor {
      return actor();
    },
    info,
    session,
    sync,
    rights,
    audit,
    writer: new DocWriter(db, audit, actor),
    licence,
    patientIndex,
    fileNumbers: new FileNumbers(options.dataDir),
    money,
    now,
  };
  const writes = new WriteQueue();
  let closed = false;

  // Every change, local or synced, reaches the UI as one `data-changed` event per collection per tick.
  const subscriptions = new Subscription();
  for (const name of Object.keys(collectionSchemas) as CollectionName[]) {
    let pending = new Set<string>();
    subscriptions.add(
      (db.collections[name] as RxCollection).$.subscribe((event) => {
        if (pending.size === 0) {
          queueMicrotask(() => {
            const ids = [...pending];
            pending = new Set();
            emitter.emit('data-changed', { collection: name, ids });
          });
        }
        pending.add(event.documentId);
      }),
    );
  }

  sync.start(db);

  async function callUnknown(method: string, rawArgs: unknown): Promise<unknown> {
    if (closed) throw new AppError('internal', 'برنامه در حال بسته شدن است.');
    if (!isMethodName(method)) {
      throw new AppError('not-found', `عملیات ناشناخته: ${method}`, { method });
    }
    const spec = contract[method] as MethodSpec;
    await checkAccess(spec, ctx);
    const args = parseOrThrow(spec.args, rawArgs);
    const handler = handlers[method] as (args: unknown, ctx: CoreContext) => Promise<unknown>;
    return spec.write ? writes.run(() => handler(args, ctx)) : handler(args, ctx);
  }

  return {
    info,
    call: (method, args) => callUnknown(method, args) as Promise<Result<typeof method>>,
    callUnknown,
    on: (event, listener) => emitter.on(event, listener),
    awaitSynced: () => sync.awaitInSync(),
    whenIdle: async () => {
      await patientIndex.load();
      await money.load();
    },
    async dump(collection) {
      const docs = await (db.collections[collection] as RxCollection).find().exec();
      return docs.map((d) => d.toMutableJSON() as Record<string, unknown>);
    },
    async close() {
      if (closed) return;
      closed = true;
      await writes.drain();
      await session.logout();
      await sync.stop();
      subscriptions.unsubscribe();
      clearTimeout(indexTimer);
      patientIndex.close();
      money.close();
      emitter.clear();
      await db.close();
    },
  };
}
