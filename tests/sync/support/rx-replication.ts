/**
 * RxDB's replication of one collection against the sync server's real HTTP endpoints: pull and
 * push handlers on fetch, and `pull.stream$` fed from the SSE stream (parsed from the fetch body,
 * Node 20 has no EventSource), reconnecting with RESYNC like a desk does.
 */
import { Observable } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import {
  syncPaths,
  type PullResponse,
  type PushResponse,
  type StreamMessage,
  type SyncCheckpoint,
} from '../../../shared/sync/protocol';
import { parseFrames } from './sse';

export interface Endpoint {
  url: string;
  token: string;
}

async function call<T>(endpoint: Endpoint, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${endpoint.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${endpoint.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json()) as T;
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${JSON.stringify(data)}`);
  return data;
}

type StreamItem = RxReplicationPullStreamItem<Record<string, unknown>, SyncCheckpoint>;

/** The collection's share of the device stream, reconnecting until unsubscribed. */
export function streamOf(endpoint: Endpoint, collection: string): Observable<StreamItem> {
  return new Observable<StreamItem>((subscriber) => {
    let controller: AbortController | null = null;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const connect = async () => {
      controller = new AbortController();
      const response = await fetch(`${endpoint.url}${syncPaths.stream}`, {
        headers: { authorization: `Bearer ${endpoint.token}`, accept: 'text/event-stream' },
        signal: controller.signal,
      });
      if (!response.ok || !response.body) throw new Error(`stream HTTP ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer = parseFrames(buffer + value, (event) => {
          if (event.kind !== 'data') return;
          const message = event.value as StreamMessage;
          if (message === 'RESYNC') subscriber.next('RESYNC');
          else if (message.collection === collection) {
            subscriber.next({
              documents: message.documents as never[],
              checkpoint: message.checkpoint,
            });
          }
        });
      }
    };
    const loop = () => {
      if (stopped) return;
      // Whatever ends a connection, the next one starts with RESYNC: nothing is lost meanwhile.
      connect()
        .catch(() => undefined)
        .finally(() => {
          if (!stopped) timer = setTimeout(loop, 100);
        });
    };
    loop();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      controller?.abort();
    };
  });
}

export function replicateOverHttp(
  collection: RxCollection,
  endpoint: Endpoint,
  live: boolean,
): RxReplicationState<Record<string, unknown>, SyncCheckpoint> {
  const name = collection.name;
  return replicateRxCollection<Record<string, unknown>, SyncCheckpoint>({
    collection: collection as RxCollection<Record<string, unknown>>,
    replicationIdentifier: `sync-server-test|${endpoint.url}|${name}`,
    live,
    retryTime: 200,
    // A desk is one RxDB instance; waiting for leader election would only slow the tests.
    waitForLeadership: false,
    pull: {
      batchSize: 20,
      handler: async (checkpoint, batchSize) => {
        const seq = checkpoint?.seq ?? 0;
        const res = await call<PullResponse>(
          endpoint,
          `${syncPaths.pull(name)}?seq=${seq}&limit=${batchSize}`,
        );
        return { documents: res.documents as never[], checkpoint: res.checkpoint };
      },
      ...(live ? { stream$: streamOf(endpoint, name) } : {}),
    },
    push: {
      batchSize: 20,
      handler: async (rows) => {
        const res = await call<PushResponse>(endpoint, syncPaths.push(name), rows);
        return res.conflicts as never[];
      },
    },
  });
}

/** One non-live round (push everything, pull everything), failing on the first error. */
export async function syncOnceOverHttp(
  collection: RxCollection,
  endpoint: Endpoint,
): Promise<void> {
  const state = replicateOverHttp(collection, endpoint, false);
  const failed = new Promise<never>((_, reject) => {
    state.error$.subscribe((error) => reject(error));
  });
  try {
    await Promise.race([state.awaitInitialReplication(), failed]);
  } finally {
    await state.cancel();
  }
}

/** Every document on the server for this device's center (tombstones included). */
export async function allServerDocs(endpoint: Endpoint, collection: string) {
  const docs: Record<string, unknown>[] = [];
  let seq = 0;
  for (;;) {
    const page = await call<PullResponse>(
      endpoint,
      `${syncPaths.pull(collection)}?seq=${seq}&limit=1000`,
    );
    if (page.documents.length === 0) return docs;
    docs.push(...page.documents);
    seq = page.checkpoint.seq;
  }
}
