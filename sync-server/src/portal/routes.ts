/**
 * The patient portal's JSON API under `/api/portal` (shared/portal/contract.ts). Every answer is
 * JSON (user-entered text goes out as data, never inside HTML), `no-store`, and every error is
 * `{ code, message, details }` with a Persian message. State-changing requests pass the CSRF and
 * same-origin check first (http-session.ts); auth routes have their own per-IP rate limit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import cookiePlugin from '@fastify/cookie';
import { AppError } from '../../../shared/api/errors';
import {
  bookSchema,
  closeAccountSchema,
  emailVerifySchema,
  loginSchema,
  passwordChangeSchema,
  personSchema,
  portalPaths,
  profileSchema,
  registerFinishSchema,
  registerStartSchema,
  registerVerifyMobileSchema,
  resetFinishSchema,
  resetStartSchema,
  slotQuerySchema,
  type SessionInfo,
} from '../../../shared/portal/contract';
import { parseOrInvalid } from '../replication/validate';
import {
  accountView,
  addPerson,
  changePassword,
  closeAccount,
  login,
  logout,
  personView,
  registerFinish,
  registerStart,
  registerVerifyMobile,
  resetFinish,
  resetStart,
  sendEmailCode,
  updateProfile,
  verifyEmail,
  type SignedIn,
} from './accounts';
import { receipt } from './booking-views';
import { book, bookingView, cancelBooking, listBookings, listSlots } from './bookings';
import { payBooking } from './holds';
import { centerPage, searchCenters } from './center-data';
import type { PortalDeps } from './deps';
import {
  checkStateChange,
  cookieToken,
  csrfFor,
  isSecure,
  newToken,
  requireAccount,
  SESSION_DAYS,
  sessionAccount,
  setSessionCookie,
} from './http-session';
import { policyInfo } from './policy';

const BODY_LIMIT = 16 * 1024;
const CENTER_NOT_FOUND = 'این مرکز پیدا نشد.';

export interface PortalRouteOptions {
  /** Per-IP limit of the auth routes (register, login, reset, codes, password); false for none. */
  authRateLimit: { max: number; timeWindow: number } | false;
}

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

function text(value: unknown, max = 100): string | undefined {
  return typeof value === 'string' && value.length <= max ? value : undefined;
}

export async function registerPortalRoutes(
  app: FastifyInstance,
  deps: PortalDeps,
  options: PortalRouteOptions,
): Promise<void> {
  const { store } = deps.path;
  const now = () => deps.path.now();
  await app.register(cookiePlugin);

  const allowedOrigins = (): string[] => {
    try {
      return [new URL(deps.publicUrl()).origin];
    } catch {
      return [];
    }
  };

  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      checkStateChange(request, allowedOrigins());
    }
  });

  const secure = (request: FastifyRequest) => isSecure(request, deps.publicUrl());
  const signIn = (request: FastifyRequest, reply: FastifyReply, signed: SignedIn) => {
    setSessionCookie(reply, signed.token, secure(request), SESSION_DAYS);
    return { account: accountView(signed.account) };
  };
  /** A fresh anonymous token (after logout or closing): the old CSRF token stops working. */
  const signOut = (request: FastifyRequest, reply: FastifyReply) =>
    setSessionCookie(reply, newToken(), secure(request), null);
  const me = (request: FastifyRequest) => requireAccount(store, request, now());

  const auth: RouteShorthandOptions = {
    bodyLimit: BODY_LIMIT,
    config: options.authRateLimit ? { rateLimit: options.authRateLimit } : {},
  };
  const body = { bodyLimit: BODY_LIMIT };

  app.get(portalPaths.session, async (request, reply): Promise<SessionInfo> => {
    let token = cookieToken(request);
    if (!token) {
      token = newToken();
      setSessionCookie(reply, token, secure(request), null);
    }
    const account = await sessionAccount(store, request, now());
    return { csrfToken: csrfFor(token), account: account ? accountView(account) : null };
  });

  app.get(portalPaths.policy, () => policyInfo(store, now()));

  app.get<{ Querystring: Record<string, unknown> }>(portalPaths.centers, async (request) => ({
    centers: await searchCenters(store, {
      q: text(request.query.q),
      city: text(request.query.city),
      service: text(request.query.service),
    }),
  }));

  app.get(portalPaths.center(':id'), async (request: IdRequest) => {
    const page = await centerPage(store, request.params.id);
    if (!page) throw new AppError('not-found', CENTER_NOT_FOUND);
    return page;
  });

  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>(
    portalPaths.slots(':id'),
    async (request) => ({
      slots: await listSlots(
        deps,
        request.params.id,
        parseOrInvalid(slotQuerySchema, request.query),
      ),
    }),
  );

  app.post(portalPaths.registerStart, auth, async (request) => {
    const input = parseOrInvalid(registerStartSchema, request.body);
    return registerStart(deps, input.mobile, request.ip);
  });

  app.post(portalPaths.registerVerifyMobile, auth, async (request) => {
    const input = parseOrInvalid(registerVerifyMobileSchema, request.body);
    return registerVerifyMobile(deps, input.mobile, input.code);
  });

  app.post(portalPaths.registerFinish, auth, async (request, reply) => {
    const input = parseOrInvalid(registerFinishSchema, request.body);
    const signed = await registerFinish(deps, input);
    request.log.info({ accountId: signed.account.id }, 'portal account created');
    return signIn(request, reply, signed);
  });

  app.post(portalPaths.login, auth, async (request, reply) => {
    const input = parseOrInvalid(loginSchema, request.body);
    return signIn(request, reply, await login(deps, input.mobile, input.password));
  });

  app.post(portalPaths.logout, body, async (request, reply) => {
    await logout(deps, cookieToken(request));
    signOut(request, reply);
    return { ok: true };
  });

  app.post(portalPaths.resetStart, auth, async (request) => {
    const input = parseOrInvalid(resetStartSchema, request.body);
    return resetStart(deps, input.mobile, request.ip);
  });

  app.post(portalPaths.resetFinish, auth, async (request) => {
    const input = parseOrInvalid(resetFinishSchema, request.body);
    await resetFinish(deps, input);
    return { ok: true };
  });

  app.get(portalPaths.me, async (request) => accountView(await me(request)));

  app.put(portalPaths.me, body, async (request) => {
    const account = await me(request);
    return updateProfile(deps, account, parseOrInvalid(profileSchema, request.body));
  });

  app.post(portalPaths.emailCode, auth, async (request) =>
    sendEmailCode(deps, await me(request), request.ip),
  );

  app.post(portalPaths.emailVerify, auth, async (request) => {
    const account = await me(request);
    return verifyEmail(deps, account, parseOrInvalid(emailVerifySchema, request.body).code);
  });

  app.post(portalPaths.password, auth, async (request, reply) => {
    const account = await me(request);
    const input = parseOrInvalid(passwordChangeSchema, request.body);
    signIn(request, reply, await changePassword(deps, account, input));
    return { ok: true };
  });

  app.post(portalPaths.close, auth, async (request, reply) => {
    const account = await me(request);
    await closeAccount(deps, account, parseOrInvalid(closeAccountSchema, request.body).password);
    request.log.info({ accountId: account.id }, 'portal account closed');
    signOut(request, reply);
    return { ok: true };
  });

  app.get(portalPaths.people, async (request) => ({
    people: (await store.portal.listPeople((await me(request)).id)).map(personView),
  }));

  app.post(portalPaths.people, body, async (request) => {
    const account = await me(request);
    return addPerson(deps, account, parseOrInvalid(personSchema, request.body));
  });

  app.get(portalPaths.bookings, async (request) => ({
    bookings: await listBookings(deps, await me(request)),
  }));

  app.post(portalPaths.bookings, body, async (request) => {
    const account = await me(request);
    const booking = await book(deps, account, parseOrInvalid(bookSchema, request.body));
    request.log.info({ appointmentId: booking.id, centerId: booking.centerId }, 'portal booking');
    return { booking };
  });

  app.get(portalPaths.booking(':id'), async (request: IdRequest) =>
    bookingView(deps, await me(request), request.params.id),
  );

  app.post(portalPaths.cancel(':id'), body, async (request: IdRequest) => ({
    booking: await cancelBooking(deps, await me(request), request.params.id),
  }));

  app.get(portalPaths.receipt(':id'), async (request: IdRequest) =>
    receipt(deps, await me(request), request.params.id),
  );

  app.post(portalPaths.pay(':id'), body, async (request: IdRequest) =>
    payBooking(deps, await me(request), request.params.id, {
      ip: request.ip,
      userAgent: text(request.headers['user-agent'], 500) ?? '',
    }),
  );
}
