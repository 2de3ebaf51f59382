/**
 * A small Server-Sent Events reader over fetch (Node 20 has no EventSource): frames are split on
 * blank lines, `data:` lines joined and parsed as JSON, `:` comments kept apart.
 */
export interface SseEvent {
  kind: 'data' | 'comment';
  /** Parsed JSON for data frames, the text for comments. */
  value: unknown;
}

/** Splits a chunked text stream into events; returns the unfinished tail. */
export function parseFrames(buffer: string, emit: (event: SseEvent) => void): string {
  let end: number;
  while ((end = buffer.indexOf('\n\n')) >= 0) {
    const frame = buffer.slice(0, end);
    buffer = buffer.slice(end + 2);
    const lines = frame.split('\n');
    const data = lines
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).replace(/^ /, ''));
    if (data.length > 0) emit({ kind: 'data', value: JSON.parse(data.join('\n')) });
    for (const l of lines)
      if (l.startsWith(':')) emit({ kind: 'comment', value: l.slice(1).trim() });
  }
  return buffer;
}

export interface SseConnection {
  status: number;
  /** The next event (data or comment), waiting for it if needed. */
  next(): Promise<SseEvent>;
  /** The next data message, skipping comments. */
  nextData(): Promise<unknown>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, token: string | null): Promise<SseConnection> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}`, accept: 'text/event-stream' } : {},
    signal: controller.signal,
  });
  const queue: SseEvent[] = [];
  const waiters: ((e: SseEvent) => void)[] = [];
  const emit = (event: SseEvent) => {
    const waiter = waiters.shift();
    if (waiter) waiter(event);
    else queue.push(event);
  };
  let endedResolve: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (endedResolve = resolve));
  if (response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer = parseFrames(buffer + value, emit);
        }
      } catch {
        // Aborted by close().
      }
      endedResolve();
    })();
  } else {
    endedResolve();
  }
  const next = () =>
    new Promise<SseEvent>((resolve) => {
      const queued = queue.shift();
      if (queued) resolve(queued);
      else waiters.push(resolve);
    });
  return {
    status: response.status,
    next,
    async nextData() {
      for (;;) {
        const event = await next();
        if (event.kind === 'data') return event.value;
      }
    },
    ended,
    close: () => controller.abort(),
  };
}
