/**
 * Committed documents fanned out to the open streams of their center. In-process today; with
 * several server instances on PostgreSQL, an implementation over LISTEN/NOTIFY (which delivers in
 * commit order) replaces this one behind the same interface.
 */
import type { SyncCheckpoint } from '../../../shared/sync/protocol';
import type { WireDoc } from './wire';

export interface FeedMessage {
  collection: string;
  documents: WireDoc[];
  checkpoint: SyncCheckpoint;
}

export type FeedListener = (message: FeedMessage) => void;

export interface ChangeFeed {
  publish(centerId: string, message: FeedMessage): void;
  /** Returns the function that unsubscribes. */
  subscribe(centerId: string, listener: FeedListener): () => void;
}

export class InProcessChangeFeed implements ChangeFeed {
  private readonly listeners = new Map<string, Set<FeedListener>>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  publish(centerId: string, message: FeedMessage): void {
    for (const listener of this.listeners.get(centerId) ?? []) {
      // One broken stream must not keep the others (or the push that published) from going on.
      try {
        listener(message);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  subscribe(centerId: string, listener: FeedListener): () => void {
    let set = this.listeners.get(centerId);
    if (!set) {
      set = new Set();
      this.listeners.set(centerId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(centerId);
    };
  }

  /** Open subscriptions of a center (tests check clean-up with it). */
  listenerCount(centerId: string): number {
    return this.listeners.get(centerId)?.size ?? 0;
  }
}
