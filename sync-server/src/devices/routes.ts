/**
 * Enrollment and revocation: the only routes besides health that take no device token. They are
 * rate-limited harder than sync (they check passwords and codes) and accept only small bodies.
 */
import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import {
  MAX_DEVICE_BODY_BYTES,
  enrollFinishSchema,
  enrollStartSchema,
  revokeSchema,
  syncPaths,
  type EnrollFinishResponse,
  type EnrollStartResponse,
  type RevokeResponse,
} from '../../../shared/sync/protocol';
import { parseOrInvalid } from '../replication/validate';
import type { StreamRegistry } from '../replication/stream';
import { finishEnrollment, revokeDevice, startEnrollment, type EnrollmentDeps } from './enrollment';

export function registerDeviceRoutes(
  app: FastifyInstance,
  deps: EnrollmentDeps,
  streams: StreamRegistry,
  rateLimit: { max: number; timeWindow: number } | false,
): void {
  const options: RouteShorthandOptions = {
    bodyLimit: MAX_DEVICE_BODY_BYTES,
    config: rateLimit ? { rateLimit } : {},
  };

  app.post(syncPaths.enrollStart, options, async (request): Promise<EnrollStartResponse> => {
    const input = parseOrInvalid(enrollStartSchema, request.body);
    const response = await startEnrollment(deps, input, request.ip);
    request.log.info({ enrollmentId: response.enrollmentId }, 'enrollment code sent');
    return response;
  });

  app.post(syncPaths.enrollFinish, options, async (request): Promise<EnrollFinishResponse> => {
    const input = parseOrInvalid(enrollFinishSchema, request.body);
    const response = await finishEnrollment(deps, input);
    request.log.info(
      { deviceId: response.deviceId, centerId: response.centerId },
      'device enrolled',
    );
    return response;
  });

  app.post(syncPaths.revoke, options, async (request): Promise<RevokeResponse> => {
    const input = parseOrInvalid(revokeSchema, request.body);
    const response = await revokeDevice(deps, input);
    // Its open streams end now, not at its next request.
    streams.closeDevice(response.deviceId);
    request.log.info({ deviceId: response.deviceId }, 'device revoked');
    return response;
  });
}
