/** Events the core pushes to the UI. Only JSON crosses. */

import type { SyncedCollectionName } from '../sync/collections';

/** Names of the synced collections (see ARCHITECTURE.md; at most 12). */
export type CollectionName = SyncedCollectionName;

export type SyncState = 'not-configured' | 'offline' | 'online' | 'syncing' | 'error';

/** What the status area shows about sync with the central server. */
export interface SyncStatus {
  state: SyncState;
  /** Local changes not yet accepted by the server. */
  pending: number;
  /** UTC ISO time of the last successful sync, or null. */
  lastSyncAt: string | null;
  /** 0..1 during the first full sync, otherwise null. */
  initialProgress: number | null;
  /** Persian text for the last error, when `state` is `error`. */
  error: string | null;
}

export interface ApiEvents {
  /** Documents of a collection changed (locally or by sync); lists should refresh. */
  'data-changed': { collection: CollectionName; ids: string[] };
  'sync-status': SyncStatus;
}

export type EventName = keyof ApiEvents;

export const EVENT_NAMES: readonly EventName[] = ['data-changed', 'sync-status'];
