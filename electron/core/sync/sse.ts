/**
 * A Server-Sent Events reader on fetch (Node 20 has no EventSource). Reconnects with backoff until
 * stopped; every (re)connection is reported so the caller can resync.
 */
import { OfflineError, type SyncHttp } from './http';

export interface StreamCallbacks {
  onMessage(data: string): void;
  onOpen(): void;
  onDown(error: unknown): void;
}

export interface StreamHandle {
  stop(): void;
  /** Skips the rest of the current back-off pause and reconnects now. */
  retryNow(): void;
}

const MAX_BACKOFF_MS = 30_000;

export function openEventStream(
  http: SyncHttp,
  path: string,
  callbacks: StreamCallbacks,
  firstBackoffMs = 1_000,
): StreamHandle {
  let stopped = false;
  let controller: AbortController | null = null;
  let backoff = firstBackoffMs;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function connectOnce(): Promise<void> {
    controller = new AbortController();
    let response: Response;
    try {
      response = await fetch(http.url(path), {
        headers: http.headers({ accept: 'text/event-stream' }),
        signal: controller.signal,
      });
    } catch (error) {
      throw new OfflineError(error);
    }
    if (!response.ok || !response.body) throw new Error(`stream refused: HTTP ${response.status}`);
    callbacks.onOpen();
    backoff = firstBackoffMs;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new OfflineError(new Error('stream closed'));
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).replace(/^ /, ''))
          .join('\n');
        if (data) callbacks.onMessage(data);
      }
    }
  }

  function loop(): void {
    if (stopped) return;
    connectOnce().catch((error: unknown) => {
      if (stopped) return;
      callbacks.onDown(error);
      timer = setTimeout(() => {
        timer = null;
        loop();
      }, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    });
  }
  loop();

  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      controller?.abort();
    },
    retryNow() {
      if (!timer || stopped) return;
      clearTimeout(timer);
      timer = null;
      backoff = firstBackoffMs;
      loop();
    },
  };
}
