/**
 * One typed function per portal endpoint. The request bodies are the contract's schemas' output
 * (the forms parse before sending). Where `shared/portal/contract.ts` does not name a response's
 * shape, the shape assumed here is written next to the call (and listed for the contract).
 */
import type { z } from 'zod';
import type {
  bookSchema,
  CenterPage,
  CenterSummary,
  closeAccountSchema,
  emailVerifySchema,
  loginSchema,
  passwordChangeSchema,
  personSchema,
  PolicyInfo,
  PortalAccount,
  PortalBooking,
  PortalPerson,
  Receipt,
  registerFinishSchema,
  registerStartSchema,
  registerVerifyMobileSchema,
  resetFinishSchema,
  resetStartSchema,
  SessionInfo,
} from '../../../../shared/portal/contract';
import { get, post, put, queryString } from './api';
import { paths as portalPaths } from './paths';
import { PortalError } from './errors';

type Body<S extends z.ZodType> = z.output<S>;

/** One free slot (assumed shape of `GET /centers/:id/slots`). */
export interface FreeSlot {
  date: string;
  start: number;
  end: number;
}

/** Directory filters, sent as `?q=&city=&service=`. */
export interface CenterQuery {
  q?: string;
  city?: string;
  service?: string;
}

/** A list answer: a bare array, or an object holding the array under `key`. */
export function listOf<T>(value: unknown, key: string): T[] {
  if (Array.isArray(value)) return value as T[];
  if (typeof value === 'object' && value !== null) {
    const inner = (value as Record<string, unknown>)[key];
    if (Array.isArray(inner)) return inner as T[];
  }
  return [];
}

/** The gateway address in `POST pay`'s answer (`redirectUrl`, or `url`). */
export function redirectOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const url = v.redirectUrl ?? v.url;
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

/** A booking answer: the booking itself, or `{ booking }`. */
export function bookingOf(value: unknown): PortalBooking {
  if (typeof value !== 'object' || value === null) {
    throw new PortalError('internal', 'پاسخ سرور دربارهٔ نوبت کامل نبود؛ فهرست نوبت‌ها را ببینید.');
  }
  const v = value as Record<string, unknown>;
  return (typeof v.booking === 'object' && v.booking !== null ? v.booking : v) as PortalBooking;
}

export const api = {
  session: () => get<SessionInfo>(portalPaths.session),
  policy: () => get<PolicyInfo>(portalPaths.policy),

  centers: async (query: CenterQuery) =>
    listOf<CenterSummary>(
      await get(`${portalPaths.centers}${queryString({ ...query })}`),
      'centers',
    ),
  center: (slugOrId: string) => get<CenterPage>(portalPaths.center(encodeURIComponent(slugOrId))),
  slots: async (
    centerId: string,
    q: { providerId: string; serviceId: string; from: string; to: string },
  ) =>
    listOf<FreeSlot>(
      await get(`${portalPaths.slots(encodeURIComponent(centerId))}${queryString(q)}`),
      'slots',
    ),

  /** Sends the SMS code. */
  registerStart: (body: Body<typeof registerStartSchema>) =>
    post<unknown>(portalPaths.registerStart, body),
  /** Answers `{ ticket }` for the last step. */
  registerVerifyMobile: (body: Body<typeof registerVerifyMobileSchema>) =>
    post<{ ticket: string }>(portalPaths.registerVerifyMobile, body),
  /** Creates the account and signs in (sets the session cookie). */
  registerFinish: (body: Body<typeof registerFinishSchema>) =>
    post<unknown>(portalPaths.registerFinish, body),

  login: (body: Body<typeof loginSchema>) => post<unknown>(portalPaths.login, body),
  logout: () => post<unknown>(portalPaths.logout),
  resetStart: (body: Body<typeof resetStartSchema>) => post<unknown>(portalPaths.resetStart, body),
  resetFinish: (body: Body<typeof resetFinishSchema>) =>
    post<unknown>(portalPaths.resetFinish, body),

  me: () => get<PortalAccount>(portalPaths.me),
  /** Profile edit (assumed: `PUT /me` with the editable fields, answering the account). */
  updateProfile: (body: ProfileBody) => put<PortalAccount>(portalPaths.me, body),
  emailCode: () => post<unknown>(portalPaths.emailCode),
  emailVerify: (body: Body<typeof emailVerifySchema>) =>
    post<unknown>(portalPaths.emailVerify, body),
  changePassword: (body: Body<typeof passwordChangeSchema>) =>
    post<unknown>(portalPaths.password, body),
  closeAccount: (body: Body<typeof closeAccountSchema>) => post<unknown>(portalPaths.close, body),

  people: async () => listOf<PortalPerson>(await get(portalPaths.people), 'people'),
  addPerson: (body: Body<typeof personSchema>) => post<PortalPerson>(portalPaths.people, body),

  bookings: async () => listOf<PortalBooking>(await get(portalPaths.bookings), 'bookings'),
  booking: async (id: string) => bookingOf(await get(portalPaths.booking(encodeURIComponent(id)))),
  book: async (body: Body<typeof bookSchema>) => bookingOf(await post(portalPaths.bookings, body)),
  /** The answer is not used: the page reloads the booking. */
  cancel: async (id: string) => {
    await post<unknown>(portalPaths.cancel(encodeURIComponent(id)));
  },
  receipt: (id: string) => get<Receipt>(portalPaths.receipt(encodeURIComponent(id))),
  pay: async (id: string) => redirectOf(await post(portalPaths.pay(encodeURIComponent(id)))),
};

/** What `PUT /me` is assumed to take: the account's editable fields. */
export interface ProfileBody {
  firstName: string;
  lastName: string;
  gender: PortalAccount['gender'];
  birthDate: string;
  email: string;
}
