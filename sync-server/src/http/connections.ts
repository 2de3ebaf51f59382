/**
 * Lets the server close promptly and gracefully. Node's `server.close()` leaves sockets that have
 * not sent a request yet (HTTP clients such as undici open them ahead of need) waiting for their
 * timeouts, so a closing server would hang for seconds. On close, sockets with no request in
 * flight are destroyed; requests in flight finish (Fastify answers them with `connection: close`).
 */
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

export function closeQuietSocketsOnClose(app: FastifyInstance): void {
  const inFlight = new Map<Socket, number>();
  app.server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.on('close', () => inFlight.delete(socket));
  });
  app.server.on('request', (request, response) => {
    const socket = request.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    response.on('close', () => {
      if (inFlight.has(socket)) inFlight.set(socket, (inFlight.get(socket) ?? 1) - 1);
    });
  });
  app.addHook('preClose', (done) => {
    for (const [socket, count] of inFlight) if (count === 0) socket.destroy();
    done();
  });
}
