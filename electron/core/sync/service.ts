/**
 * The desk's side of sync: enrollment to a center, then live replication through {@link SyncEngine}.
 * A desk that is not enrolled works alone ("not connected").
 */
import { AppError } from '../../../shared/api/errors';
import type { SyncStatus } from '../../../shared/api/events';
import type { SyncInfo } from '../../../shared/api/sync';
import { SYNCED_COLLECTION_NAMES } from '../../../shared/sync/collections';
import {
  setupPaths,
  syncPaths,
  type EnrollFinishResponse,
  type EnrollStartResponse,
} from '../../../shared/sync/protocol';
import type { SignedLicence } from '../../../shared/domain/licence';
import { toLatinDigits } from '../../../shared/text/normalize';
import { saveDeviceIdentity, type DeviceIdentity } from '../config';
import type { ClinicDatabase } from '../db/database';
import type { RxCollection } from 'rxdb';
import { ConflictLog } from './conflict-log';
import { SyncEngine } from './engine';
import { OfflineError, SyncHttp } from './http';
import { PendingTracker } from './pending';
import { loadSyncConfig, saveSyncConfig, type SyncConfig } from './sync-config';

/** The actor of writes made before a desk is enrolled (the desk works alone). */
export const LOCAL_ACTOR = 'local-manager';

const NOT_CONFIGURED: SyncStatus = {
  state: 'not-configured',
  pending: 0,
  lastSyncAt: null,
  initialProgress: null,
  error: null,
};

export interface SyncServiceDeps {
  dataDir: string;
  device: DeviceIdentity;
  /** Keeps the licence the server issues (at enrollment, then refreshed while online). */
  saveLicence?: (licence: SignedLicence) => void;
  emit(status: SyncStatus): void;
  now(): Date;
}

export class SyncService {
  readonly pending = new PendingTracker();
  readonly conflictLog: ConflictLog;
  private config: SyncConfig | null;
  private engine: SyncEngine | null = null;
  private db: ClinicDatabase | null = null;
  private enrolling: { serverUrl: string; enrollmentId: string } | null = null;

  constructor(private readonly deps: SyncServiceDeps) {
    this.conflictLog = new ConflictLog(deps.dataDir);
    this.config = loadSyncConfig(deps.dataDir);
  }

  get enrolled(): boolean {
    return this.config !== null;
  }

  get centerName(): string | null {
    return this.config?.centerName ?? null;
  }

  /** This desk's number in its center (0 before enrollment). */
  get deviceNumber(): number {
    return this.config?.deviceNumber ?? 0;
  }

  /** The pinned licence-signing key, once enrolled. */
  get licenceKey(): string | null {
    return this.config?.licenceKey ?? null;
  }

  /** An authenticated client of the sync server, once enrolled. */
  http(): SyncHttp | null {
    return this.config ? new SyncHttp(this.config.serverUrl, this.config.deviceToken) : null;
  }

  /** Fetches the current licence; offline or refused just keeps the one held. */
  async refreshLicence(): Promise<void> {
    const http = this.http();
    if (!http || !this.deps.saveLicence) return;
    try {
      this.deps.saveLicence(await http.get<SignedLicence>(setupPaths.licence));
    } catch {
      // Keep the licence this desk already has; it is checked offline.
    }
  }

  /** Starts live sync if the desk is enrolled. */
  start(db: ClinicDatabase): void {
    this.db = db;
    if (!this.config || this.engine) return;
    this.engine = new SyncEngine({
      db,
      config: this.config,
      pending: this.pending,
      onStatus: (status) => this.deps.emit(status),
      now: this.deps.now,
    });
    this.engine.start();
    void this.refreshLicence();
  }

  status(): SyncStatus {
    return this.engine?.status() ?? NOT_CONFIGURED;
  }

  info(): SyncInfo {
    return {
      status: this.status(),
      enrolled: this.enrolled,
      serverUrl: this.config?.serverUrl ?? null,
      centerName: this.config?.centerName ?? null,
      deviceId: this.deps.device.deviceId,
    };
  }

  reSync(): void {
    this.engine?.reSync();
  }

  /** Waits until everything known has gone up and come down (tests, shutdown). */
  async awaitInSync(): Promise<void> {
    await this.engine?.awaitInSync();
  }

  async enrollStart(args: {
    serverUrl: string;
    mobile: string;
    password: string;
    deviceName: string;
  }) {
    if (this.config) {
      throw new AppError(
        'conflict',
        `این رایانه پیش‌تر به «${this.config.centerName}» وصل شده است.`,
      );
    }
    const serverUrl = new URL(args.serverUrl).origin;
    const http = new SyncHttp(serverUrl, null);
    const res = await this.talk(() =>
      http.post<EnrollStartResponse>(syncPaths.enrollStart, {
        mobile: args.mobile,
        password: args.password,
        deviceName: args.deviceName,
      }),
    );
    this.enrolling = { serverUrl, enrollmentId: res.enrollmentId };
    return res;
  }

  async enrollFinish(args: {
    enrollmentId: string;
    code: string;
  }): Promise<{ centerName: string }> {
    if (!this.enrolling || this.enrolling.enrollmentId !== args.enrollmentId || !this.db) {
      throw new AppError('invalid', 'ابتدا شمارهٔ مدیر و گذرواژه را بفرستید تا کد ارسال شود.');
    }
    const { serverUrl } = this.enrolling;
    const http = new SyncHttp(serverUrl, null);
    const res = await this.talk(() =>
      http.post<EnrollFinishResponse>(syncPaths.enrollFinish, {
        enrollmentId: args.enrollmentId,
        code: toLatinDigits(args.code),
      }),
    );
    await this.rehome(this.db, res);
    const device = this.deps.device;
    device.deviceId = res.deviceId;
    device.centerId = res.centerId;
    saveDeviceIdentity(this.deps.dataDir, device);
    this.config = {
      serverUrl,
      deviceId: res.deviceId,
      deviceToken: res.deviceToken,
      centerId: res.centerId,
      centerName: res.centerName,
      enrolledAt: this.deps.now().toISOString(),
      licenceKey: res.licenceKey,
      deviceNumber: res.deviceNumber,
    };
    saveSyncConfig(this.deps.dataDir, this.config);
    this.deps.saveLicence?.(res.licence);
    this.enrolling = null;
    this.start(this.db);
    return { centerName: res.centerName };
  }

  /**
   * Documents made while the desk worked alone move into the center it joined, in the name of the
   * manager who enrolled it, so that they are pushed and accepted like any other change.
   */
  private async rehome(db: ClinicDatabase, res: EnrollFinishResponse): Promise<void> {
    for (const name of SYNCED_COLLECTION_NAMES) {
      const collection = db.collections[name] as RxCollection;
      const docs = await collection.find({ selector: { centerId: { $ne: res.centerId } } }).exec();
      if (docs.length === 0) continue;
      const result = await collection.bulkUpsert(
        docs.map((d) => {
          const data = d.toMutableJSON() as Record<string, unknown>;
          return {
            ...data,
            centerId: res.centerId,
            deviceId: res.deviceId,
            updatedBy: data.updatedBy === LOCAL_ACTOR ? res.managerStaffId : data.updatedBy,
          };
        }),
      );
      if (result.error.length > 0)
        throw new AppError('internal', 'انتقال داده‌های این رایانه به مرکز انجام نشد.');
    }
  }

  /** Server calls made on behalf of a person: unreachable → `offline` with a clear message. */
  private async talk<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof OfflineError) {
        throw new AppError('offline', 'سرور در دسترس نیست. نشانی و اتصال شبکه را بررسی کنید.');
      }
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.engine?.stop();
    this.engine = null;
  }
}
