/**
 * Public one-time-code routes for the patient portal (no device, no session yet): rate-limited
 * per IP like enrollment, small bodies; the per-number and per-IP code limits live in codes.ts.
 * The portal's own routes may call one-time-codes.ts directly instead.
 */
import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import {
  MAX_DEVICE_BODY_BYTES,
  otpStartSchema,
  otpVerifySchema,
  servicePaths,
  type OtpStartResponse,
  type OtpVerifyResponse,
} from '../../../shared/sync/protocol';
import { parseOrInvalid } from '../replication/validate';
import { startCode, verifyCode, type OtpDeps } from './one-time-codes';

export function registerOtpRoutes(
  app: FastifyInstance,
  deps: OtpDeps,
  rateLimit: { max: number; timeWindow: number } | false,
): void {
  const options: RouteShorthandOptions = {
    bodyLimit: MAX_DEVICE_BODY_BYTES,
    config: rateLimit ? { rateLimit } : {},
  };

  app.post(servicePaths.otpStart, options, async (request): Promise<OtpStartResponse> => {
    const input = parseOrInvalid(otpStartSchema, request.body);
    const response = await startCode(deps, input, request.ip);
    request.log.info({ challengeId: response.challengeId, purpose: input.purpose }, 'code sent');
    return response;
  });

  app.post(servicePaths.otpVerify, options, async (request): Promise<OtpVerifyResponse> => {
    const input = parseOrInvalid(otpVerifySchema, request.body);
    const verified = await verifyCode(deps, input);
    request.log.info({ challengeId: verified.challengeId }, 'code verified');
    return { proof: verified.proof, expiresAt: verified.expiresAt };
  });
}
