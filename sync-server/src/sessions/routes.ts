/** Session routes (device auth): open, heartbeat, close. Bodies are a few short fields. */
import type { FastifyInstance } from 'fastify';
import {
  MAX_DEVICE_BODY_BYTES,
  sessionOpenSchema,
  sessionRefSchema,
  setupPaths,
} from '../../../shared/sync/protocol';
import { deviceOf } from '../http/auth';
import { parseOrInvalid } from '../replication/validate';
import { closeSession, heartbeatSession, openSession, type SessionDeps } from './sessions';

export function registerSessionRoutes(app: FastifyInstance, deps: SessionDeps): void {
  const options = { bodyLimit: MAX_DEVICE_BODY_BYTES };

  app.post(setupPaths.sessionOpen, options, async (request) => {
    const { staffId } = parseOrInvalid(sessionOpenSchema, request.body);
    const response = await openSession(deps, deviceOf(request), staffId);
    request.log.info({ sessionId: response.sessionId, inUse: response.inUse }, 'session opened');
    return response;
  });

  app.post(setupPaths.sessionHeartbeat, options, async (request) => {
    const { sessionId } = parseOrInvalid(sessionRefSchema, request.body);
    return heartbeatSession(deps, deviceOf(request), sessionId);
  });

  app.post(setupPaths.sessionClose, options, async (request) => {
    const { sessionId } = parseOrInvalid(sessionRefSchema, request.body);
    const response = await closeSession(deps, deviceOf(request), sessionId);
    request.log.info({ sessionId }, 'session closed');
    return response;
  });
}
