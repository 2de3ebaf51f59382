/**
 * A TCP proxy that a test can cut, to take a desk offline or drop a connection halfway through a
 * request, without touching the desk or the server.
 */
import net from 'node:net';

export interface CuttableProxy {
  port: number;
  url: string;
  /** Drops every open connection and refuses new ones. */
  cut(): void;
  restore(): void;
  /** Lets `bytes` more bytes through from the client, then drops every connection once. */
  cutAfter(bytes: number): Promise<void>;
  close(): Promise<void>;
}

export async function startProxy(targetPort: number): Promise<CuttableProxy> {
  const sockets = new Set<net.Socket>();
  let offline = false;
  let budget: { left: number; done: () => void } | null = null;

  const dropAll = () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
  };

  const server = net.createServer((client) => {
    if (offline) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    client.on('data', (chunk) => {
      if (budget) {
        budget.left -= chunk.length;
        if (budget.left <= 0) {
          const { done } = budget;
          budget = null;
          dropAll();
          done();
          return;
        }
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', close);
    upstream.on('close', close);
    client.on('error', close);
    upstream.on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    cut() {
      offline = true;
      dropAll();
    },
    restore() {
      offline = false;
    },
    cutAfter(bytes) {
      return new Promise((resolve) => {
        budget = { left: bytes, done: resolve };
      });
    },
    async close() {
      dropAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
