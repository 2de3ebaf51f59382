/**
 * The API's paths and CSRF header, as in `shared/portal/contract.ts`. A copy, pinned to the
 * contract by `paths.test.ts`: importing any value from the contract module also runs its zod
 * schemas (and loads zod, the national-id checker and date-fns-jalali, ~35 KB gzip), which the
 * directory and center pages never need. Forms import the contract's schemas themselves.
 */
export const PORTAL_API = '/api/portal';
export const CSRF_HEADER = 'x-csrf-token';

const center = (slugOrId: string) => `${PORTAL_API}/centers/${slugOrId}`;
const booking = (id: string) => `${PORTAL_API}/me/bookings/${id}`;

export const paths = {
  session: `${PORTAL_API}/session`,
  policy: `${PORTAL_API}/policy`,
  centers: `${PORTAL_API}/centers`,
  center,
  slots: (centerId: string) => `${center(centerId)}/slots`,
  registerStart: `${PORTAL_API}/register/start`,
  registerVerifyMobile: `${PORTAL_API}/register/verify-mobile`,
  registerFinish: `${PORTAL_API}/register/finish`,
  emailVerify: `${PORTAL_API}/me/email/verify`,
  emailCode: `${PORTAL_API}/me/email/code`,
  login: `${PORTAL_API}/login`,
  logout: `${PORTAL_API}/logout`,
  resetStart: `${PORTAL_API}/password/reset/start`,
  resetFinish: `${PORTAL_API}/password/reset/finish`,
  me: `${PORTAL_API}/me`,
  password: `${PORTAL_API}/me/password`,
  close: `${PORTAL_API}/me/close`,
  people: `${PORTAL_API}/me/people`,
  bookings: `${PORTAL_API}/me/bookings`,
  booking,
  cancel: (id: string) => `${booking(id)}/cancel`,
  receipt: (id: string) => `${booking(id)}/receipt`,
  pay: (id: string) => `${booking(id)}/pay`,
} as const;
