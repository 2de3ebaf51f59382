/**
 * Live replication of every collection with the sync server: one `replicateRxCollection` per
 * collection, one SSE stream per device feeding all of them, retry with exponential backoff, and
 * the status the UI shows (online/offline/syncing/error, waiting changes, last sync, first-sync
 * progress).
 */
import { Subject } from 'rxjs';
import type { RxCollection } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { SyncStatus } from '../../../shared/api/events';
import {
  SYNCED_COLLECTION_NAMES,
  type SyncedCollectionName,
} from '../../../shared/sync/collections';
import {
  syncPaths,
  type PullResponse,
  type PushResponse,
  type SyncCheckpoint,
  type StreamMessage,
} from '../../../shared/sync/protocol';
import type { ClinicDatabase } from '../db/database';
import { OfflineError, SyncHttp } from './http';
import type { PendingTracker } from './pending';
import { openEventStream, type StreamHandle } from './sse';
import type { SyncConfig } from './sync-config';

export const BASE_RETRY_MS = 2_000;
export const MAX_RETRY_MS = 60_000;

type PullItem = { documents: never[]; checkpoint: SyncCheckpoint } | 'RESYNC';

export interface SyncEngineOptions {
  db: ClinicDatabase;
  config: SyncConfig;
  pending: PendingTracker;
  onStatus(status: SyncStatus): void;
  now(): Date;
  pullBatchSize?: number;
  pushBatchSize?: number;
}

export class SyncEngine {
  private readonly http: SyncHttp;
  private readonly states = new Map<
    SyncedCollectionName,
    RxReplicationState<unknown, SyncCheckpoint>
  >();
  private readonly streams = new Map<SyncedCollectionName, Subject<PullItem>>();
  private readonly active = new Set<SyncedCollectionName>();
  private readonly progress = new Map<
    SyncedCollectionName,
    { pulled: number; remaining: number }
  >();
  private stream: StreamHandle | null = null;
  private streamUp = false;
  private offline = false;
  private serverError: string | null = null;
  private initialDone = false;
  private lastSyncAt: string | null = null;
  private stopped = false;
  private backoff = BASE_RETRY_MS;
  private wakers = new Set<() => void>();

  constructor(private readonly options: SyncEngineOptions) {
    this.http = new SyncHttp(options.config.serverUrl, options.config.deviceToken);
    options.pending.onChange(() => this.emit());
  }

  status(): SyncStatus {
    let state: SyncStatus['state'];
    if (this.serverError) state = 'error';
    else if (this.offline || !this.streamUp) state = 'offline';
    else if (this.active.size > 0) state = 'syncing';
    else state = 'online';
    const totals = [...this.progress.values()].reduce(
      (acc, p) => ({ pulled: acc.pulled + p.pulled, all: acc.all + p.pulled + p.remaining }),
      { pulled: 0, all: 0 },
    );
    return {
      state,
      pending: this.options.pending.count,
      lastSyncAt: this.lastSyncAt,
      initialProgress: this.initialDone || totals.all === 0 ? null : totals.pulled / totals.all,
      error: this.serverError,
    };
  }

  private emit(): void {
    if (!this.stopped) this.options.onStatus(this.status());
  }

  /** A request succeeded: the server is reachable and answering. */
  private succeeded(): void {
    const changed = this.offline || this.serverError !== null;
    this.offline = false;
    this.serverError = null;
    this.backoff = BASE_RETRY_MS;
    if (changed) this.emit();
  }

  /** A request failed: offline errors are retried quietly; refusals are shown while retried. */
  private failed(error: unknown): void {
    if (error instanceof OfflineError) this.offline = true;
    else this.serverError = error instanceof Error ? error.message : String(error);
    this.emit();
  }

  /** Ends every back-off pause now (the stream came back, or a person asked to sync). */
  private wake(): void {
    this.backoff = BASE_RETRY_MS;
    for (const w of this.wakers) w();
    this.wakers.clear();
  }

  /**
   * Retries a request with exponential back-off until it succeeds or sync stops. Retrying here
   * rather than in RxDB means the pause can be cut short the moment the server is reachable again.
   */
  private async withRetry<T>(request: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        const result = await request();
        this.succeeded();
        return result;
      } catch (error) {
        if (this.stopped) throw error;
        this.failed(error);
        const pause = this.backoff;
        this.backoff = Math.min(this.backoff * 2, MAX_RETRY_MS);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, pause);
          function done() {
            clearTimeout(timer);
            resolve();
          }
          this.wakers.add(done);
        });
        if (this.stopped) throw error;
      }
    }
  }

  start(): void {
    const { db, pending } = this.options;
    for (const name of SYNCED_COLLECTION_NAMES) {
      const collection = db.collections[name] as RxCollection;
      const stream$ = new Subject<PullItem>();
      this.streams.set(name, stream$);
      const state = replicateRxCollection<unknown, SyncCheckpoint>({
        replicationIdentifier: `clinic-sync|${this.options.config.serverUrl}|${this.options.config.centerId}|${name}`,
        collection,
        live: true,
        retryTime: BASE_RETRY_MS,
        waitForLeadership: false,
        autoStart: true,
        pull: {
          batchSize: this.options.pullBatchSize ?? 500,
          stream$: stream$.asObservable() as never,
          handler: async (checkpoint, batchSize) => {
            try {
              const seq = checkpoint?.seq ?? 0;
              const res = await this.http.get<PullResponse>(
                `${syncPaths.pull(name)}?seq=${seq}&limit=${batchSize}`,
              );
              this.succeeded();
              if (!this.initialDone) {
                const p = this.progress.get(name) ?? { pulled: 0, remaining: 0 };
                this.progress.set(name, {
                  pulled: p.pulled + res.documents.length,
                  remaining: res.remaining,
                });
                this.emit();
              }
              return { documents: res.documents as never[], checkpoint: res.checkpoint };
            } catch (error) {
              this.failed(error);
              throw error;
            }
          },
        },
        push: {
          batchSize: this.options.pushBatchSize ?? 200,
          handler: async (rows) => {
            try {
              const res = await this.http.post<PushResponse>(syncPaths.push(name), rows);
              this.succeeded();
              // Accepted rows are done; conflicted ones are settled by the merge, which pushes again
              // (and is counted again) only if the desk's version still differs.
              pending.accepted(
                name,
                rows.map((r) => r.newDocumentState as unknown as { id: string; updatedAt: string }),
              );
              return res.conflicts as never[];
            } catch (error) {
              this.failed(error);
              throw error;
            }
          },
        },
      });
      state.active$.subscribe((isActive) => {
        if (isActive) this.active.add(name);
        else this.active.delete(name);
        if (this.active.size === 0 && !this.offline && !this.serverError) {
          this.lastSyncAt = this.options.now().toISOString();
        }
        this.emit();
      });
      this.states.set(name, state);
    }
    void Promise.all([...this.states.values()].map((s) => s.awaitInitialReplication())).then(() => {
      this.initialDone = true;
      this.emit();
    });
    this.stream = openEventStream(this.http, syncPaths.stream, {
      onOpen: () => {
        this.streamUp = true;
        this.wake();
        this.emit();
      },
      onDown: (error) => {
        this.streamUp = false;
        if (error instanceof OfflineError) this.offline = true;
        this.emit();
      },
      onMessage: (data) => this.onStreamMessage(data),
    });
  }

  private onStreamMessage(data: string): void {
    let message: StreamMessage;
    try {
      message = JSON.parse(data) as StreamMessage;
    } catch {
      return;
    }
    if (message === 'RESYNC') {
      // Reconnected: whatever happened while the stream was down is fetched by a pull.
      this.succeeded();
      for (const s of this.streams.values()) s.next('RESYNC');
      return;
    }
    const subject = this.streams.get(message.collection as SyncedCollectionName);
    subject?.next({ documents: message.documents as never[], checkpoint: message.checkpoint });
  }

  /** Resolves when every collection has pushed and pulled everything it knows of. */
  async awaitInSync(): Promise<void> {
    await Promise.all([...this.states.values()].map((s) => s.awaitInSync()));
  }

  /** Retry now (e.g. the person pressed "sync now"). */
  reSync(): void {
    this.wake();
    this.stream?.retryNow();
    for (const s of this.states.values()) s.reSync();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    this.stream?.stop();
    await Promise.all([...this.states.values()].map((s) => s.cancel()));
    for (const s of this.streams.values()) s.complete();
  }
}
