/**
 * The patient portal's JSON API under `/api/portal` (P1–P12), shared by the server routes and the
 * portal SPA. Every body is checked with these schemas on the server; the SPA uses them for its
 * forms. Patient sessions are httpOnly SameSite cookies; every state-changing request also carries
 * the CSRF token (header `x-csrf-token`) from `GET /session`.
 */
import { z } from 'zod';
import { parseMobile, parseNationalId } from '../text/identity';
import { tidyPersian } from '../text/normalize';
import { isIsoDate } from '../time/dates';
import { passwordProblem } from '../auth/password';
import { GENDERS } from '../domain/patients';
import type { AppointmentStatus } from '../domain/appointments';

export const PORTAL_API = '/api/portal';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'clinic_portal_session';
export const MIN_AGE_YEARS = 18;
/** A paid service's slot is held this long while the patient pays at the gateway. */
export const PAYMENT_HOLD_MINUTES = 15;

export const portalPaths = {
  session: `${PORTAL_API}/session`,
  policy: `${PORTAL_API}/policy`,
  centers: `${PORTAL_API}/centers`,
  center: (slugOrId: string) => `${PORTAL_API}/centers/${slugOrId}`,
  slots: (centerId: string) => `${PORTAL_API}/centers/${centerId}/slots`,
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
  booking: (id: string) => `${PORTAL_API}/me/bookings/${id}`,
  cancel: (id: string) => `${PORTAL_API}/me/bookings/${id}/cancel`,
  receipt: (id: string) => `${PORTAL_API}/me/bookings/${id}/receipt`,
  pay: (id: string) => `${PORTAL_API}/me/bookings/${id}/pay`,
} as const;

const name = (label: string) =>
  z
    .string({ error: `${label} را وارد کنید.` })
    .transform(tidyPersian)
    .pipe(z.string().min(1, `${label} را وارد کنید.`).max(60, `${label} حداکثر ۶۰ حرف است.`));

export const mobileField = z.string({ error: 'شمارهٔ همراه را وارد کنید.' }).transform((v, ctx) => {
  const m = parseMobile(v);
  if (!m) {
    ctx.addIssue({
      code: 'custom',
      message: 'شمارهٔ همراه معتبر نیست؛ مانند ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید.',
    });
    return z.NEVER;
  }
  return m;
});

export const nationalIdField = z.string({ error: 'کد ملی را وارد کنید.' }).transform((v, ctx) => {
  const id = parseNationalId(v);
  if (!id) {
    ctx.addIssue({ code: 'custom', message: 'کد ملی معتبر نیست.' });
    return z.NEVER;
  }
  return id;
});

const passwordField = z.string({ error: 'گذرواژه را وارد کنید.' }).superRefine((v, ctx) => {
  const problem = passwordProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const HEARD_FROM = ['search', 'friends', 'social', 'clinic', 'sms', 'other'] as const;
export const HEARD_FROM_LABELS: Record<(typeof HEARD_FROM)[number], string> = {
  search: 'جستجوی اینترنتی',
  friends: 'معرفی دوستان',
  social: 'شبکه‌های اجتماعی',
  clinic: 'خود مرکز درمانی',
  sms: 'پیامک',
  other: 'سایر',
};

const codeField = z
  .string()
  .trim()
  .regex(/^[0-9۰-۹٠-٩]{4,8}$/, 'کد را درست وارد کنید.');

/** Step 1: the mobile gets an SMS code. */
export const registerStartSchema = z.object({ mobile: mobileField });
/** Step 2: the code proves the mobile; the answer carries a short-lived registration ticket. */
export const registerVerifyMobileSchema = z.object({ mobile: mobileField, code: codeField });
/** Step 3: the person's details, password and consent to the privacy policy (its version). */
export const registerFinishSchema = z.object({
  ticket: z.string().min(10).max(200),
  firstName: name('نام'),
  lastName: name('نام خانوادگی'),
  nationalId: nationalIdField,
  gender: z.enum(GENDERS, { error: 'جنسیت را انتخاب کنید.' }),
  birthDate: z
    .string({ error: 'تاریخ تولد را وارد کنید.' })
    .refine(isIsoDate, 'تاریخ تولد معتبر نیست.'),
  email: z.string().trim().max(200).email('نشانی ایمیل معتبر نیست.').or(z.literal('')).default(''),
  password: passwordField,
  heardFrom: z.enum(HEARD_FROM).default('other'),
  /** The privacy policy version shown and accepted (P3). */
  acceptedPolicyVersion: z
    .string({ error: 'پذیرش سیاست حفظ حریم خصوصی لازم است.' })
    .min(1, 'پذیرش سیاست حفظ حریم خصوصی لازم است.')
    .max(20),
});

/** `PUT /me`: the account's editable fields (the mobile and national id are fixed). */
export const profileSchema = z.object({
  firstName: name('نام'),
  lastName: name('نام خانوادگی'),
  gender: z.enum(GENDERS, { error: 'جنسیت را انتخاب کنید.' }),
  birthDate: z
    .string({ error: 'تاریخ تولد را وارد کنید.' })
    .refine(isIsoDate, 'تاریخ تولد معتبر نیست.'),
  email: z.string().trim().max(200).email('نشانی ایمیل معتبر نیست.').or(z.literal('')).default(''),
});

export const loginSchema = z.object({
  mobile: mobileField,
  password: z.string().min(1, 'گذرواژه را وارد کنید.').max(200),
});
export const resetStartSchema = z.object({ mobile: mobileField });
export const resetFinishSchema = z.object({
  mobile: mobileField,
  code: codeField,
  password: passwordField,
});
export const passwordChangeSchema = z.object({
  current: z.string().min(1, 'گذرواژهٔ فعلی را وارد کنید.').max(200),
  password: passwordField,
});
export const emailVerifySchema = z.object({ code: codeField });
export const closeAccountSchema = z.object({
  password: z.string().min(1, 'گذرواژه را وارد کنید.').max(200),
});

/** P6: someone the account holder books for. */
export const personSchema = z.object({
  firstName: name('نام'),
  lastName: name('نام خانوادگی'),
  nationalId: nationalIdField,
  mobile: mobileField,
  relation: z.string().trim().min(1, 'نسبت را بنویسید.').max(40),
  /** For the center's patient record. */
  gender: z.enum(GENDERS, { error: 'جنسیت را انتخاب کنید.' }),
});

export const slotQuerySchema = z.object({
  providerId: z.string().min(1).max(40),
  serviceId: z.string().min(1).max(40),
  from: z.string().refine(isIsoDate),
  to: z.string().refine(isIsoDate),
});

export const bookSchema = z.object({
  centerId: z.string().min(1).max(40),
  providerId: z.string().min(1).max(40),
  serviceId: z.string().min(1).max(40),
  date: z.string().refine(isIsoDate, 'تاریخ معتبر نیست.'),
  start: z.number().int().min(0).max(1439),
  /** '' books for the account holder; otherwise one of their saved people (P6). */
  personId: z.string().max(40).default(''),
});

export interface PolicyVersion {
  version: string;
  publishedAt: string;
  effectiveAt: string;
  text: string;
}

export interface PolicyInfo {
  current: PolicyVersion;
  /** Published with a future effective date: every page shows a notice in the 30 days before it. */
  upcoming: PolicyVersion | null;
  history: Omit<PolicyVersion, 'text'>[];
}

export interface SessionInfo {
  csrfToken: string;
  account: PortalAccount | null;
}

export interface PortalAccount {
  id: string;
  firstName: string;
  lastName: string;
  mobile: string;
  nationalId: string;
  gender: (typeof GENDERS)[number];
  birthDate: string;
  email: string;
  emailVerified: boolean;
}

export interface PortalPerson {
  id: string;
  firstName: string;
  lastName: string;
  nationalId: string;
  mobile: string;
  relation: string;
}

export interface CenterSummary {
  id: string;
  name: string;
  type: string;
  typeLabel: string;
  city: string;
  address: string;
  coverImageUrl: string | null;
}

export interface CenterPage extends CenterSummary {
  phones: string[];
  location: { lat: number; lng: number } | null;
  mapUrl: string;
  social: Record<string, string>;
  bookingRules: string;
  cancellationRules: string;
  selfCancellation: { enabled: boolean; minNoticeHours: number };
  gallery: { imageUrl: string; caption: string }[];
  providers: { id: string; name: string; specialty: string; serviceIds: string[] }[];
  services: {
    id: string;
    name: string;
    departmentName: string;
    priceRial: number;
    durationMin: number;
    prepaymentRequired: boolean;
  }[];
  posts: { id: string; title: string; body: string; publishedAt: string }[];
}

export interface PortalBooking {
  id: string;
  centerId: string;
  centerName: string;
  providerName: string;
  serviceName: string;
  date: string;
  start: number;
  end: number;
  status: AppointmentStatus;
  trackingCode: string;
  /** For whom: the holder's or a saved person's name. */
  patientName: string;
  priceRial: number;
  payment: 'not-needed' | 'pending' | 'paid' | 'failed' | 'expired';
  /** While held for payment. */
  holdUntil: string | null;
  canCancel: boolean;
}

/** P9: what the clinic checks on arrival. */
export interface Receipt {
  trackingCode: string;
  patientName: string;
  maskedNationalId: string;
  mobile: string;
  centerName: string;
  centerAddress: string;
  providerName: string;
  serviceName: string;
  date: string;
  start: number;
  status: AppointmentStatus;
  paymentStatus: PortalBooking['payment'];
  paymentReference: string;
}
