/**
 * Center sign-up: public routes (no device yet), rate-limited per IP like enrollment, with small
 * bodies. The code's limits per mobile and the per-IP hourly limit live in signup.ts.
 */
import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import {
  MAX_DEVICE_BODY_BYTES,
  setupPaths,
  signupFinishSchema,
  signupStartSchema,
  type SignupFinishResponse,
  type SignupStartResponse,
} from '../../../shared/sync/protocol';
import { parseOrInvalid } from '../replication/validate';
import { finishSignup, startSignup, type SignupDeps } from './signup';

export function registerSignupRoutes(
  app: FastifyInstance,
  deps: SignupDeps,
  rateLimit: { max: number; timeWindow: number } | false,
): void {
  const options: RouteShorthandOptions = {
    bodyLimit: MAX_DEVICE_BODY_BYTES,
    config: rateLimit ? { rateLimit } : {},
  };

  app.post(setupPaths.signupStart, options, async (request): Promise<SignupStartResponse> => {
    const input = parseOrInvalid(
      signupStartSchema,
      request.body,
      'اطلاعات ثبت مرکز کامل یا درست نیست.',
    );
    const response = await startSignup(deps, input, request.ip);
    request.log.info({ signupId: response.signupId }, 'signup code sent');
    return response;
  });

  app.post(setupPaths.signupFinish, options, async (request): Promise<SignupFinishResponse> => {
    const input = parseOrInvalid(signupFinishSchema, request.body);
    const response = await finishSignup(deps, input);
    request.log.info({ centerId: response.centerId }, 'center signed up');
    return response;
  });
}
