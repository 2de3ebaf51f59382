/**
 * The per-device Server-Sent Events stream. The first message after every (re)connect is
 * `"RESYNC"` (the desk then pulls from its checkpoints, covering whatever it missed while away);
 * after that, every commit of the device's center arrives as `{collection, documents, checkpoint}`.
 * Heartbeat comments keep proxies from closing an idle connection.
 *
 * Hazard: the feed subscription is made before RESYNC is written, so no commit can fall between
 * the desk's catch-up pull and the live messages.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { syncPaths, type StreamMessage } from '../../../shared/sync/protocol';
import { deviceOf } from '../http/auth';
import type { ChangeFeed } from './change-feed';

/** A desk that reads slower than this much buffered output is dropped; it reconnects and resyncs. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export const HEARTBEAT_MS = 15_000;

interface OpenStream {
  deviceId: string;
  close(): void;
}

/** The open streams, so a revoked device and a closing server can end them. */
export class StreamRegistry {
  private readonly open = new Set<OpenStream>();

  add(stream: OpenStream): () => void {
    this.open.add(stream);
    return () => this.open.delete(stream);
  }

  closeDevice(deviceId: string): void {
    for (const s of [...this.open]) if (s.deviceId === deviceId) s.close();
  }

  closeAll(): void {
    for (const s of [...this.open]) s.close();
  }

  count(): number {
    return this.open.size;
  }
}

function frame(message: StreamMessage): string {
  return `data: ${JSON.stringify(message)}\n\n`;
}

export function registerStreamRoute(
  app: FastifyInstance,
  feed: ChangeFeed,
  streams: StreamRegistry,
  heartbeatMs: number,
): void {
  app.addHook('preClose', (done) => {
    // Open streams would keep the server from closing.
    streams.closeAll();
    done();
  });

  // No HEAD twin: it would open a stream whose body is never sent.
  app.get(syncPaths.stream, { exposeHeadRoute: false }, async (request, reply) => {
    const device = deviceOf(request);
    const raw: ServerResponse = reply.raw;
    reply.hijack();
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store, no-transform',
      // A stream's socket is never reused: when the stream ends, so does the connection.
      connection: 'close',
      // nginx and similar proxies would otherwise buffer the stream.
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });

    let closed = false;
    const write = (text: string) => {
      if (closed) return;
      raw.write(text);
      if (raw.writableLength > MAX_BUFFERED_BYTES) close();
    };
    const unsubscribe = feed.subscribe(device.centerId, (message) =>
      write(frame(message as StreamMessage)),
    );
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), heartbeatMs);
    const unregister = streams.add({ deviceId: device.id, close: () => close() });
    function close() {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
      unregister();
      raw.end();
    }
    raw.on('close', close);
    request.raw.on('close', close);
    request.log.info({ deviceId: device.id }, 'stream opened');
    write(frame('RESYNC'));
  });
}
