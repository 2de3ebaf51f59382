/**
 * Center setup (C2, C3, C8, C10, C11, C12): the center profile and rules, departments and services,
 * staff and their rights, the audit log and the licence.
 */
import { z } from 'zod';
import { method, returns } from './method';
import type { Page } from './patients';
import { CENTER_TYPES, type Center } from '../domain/center';
import { departmentInputSchema, serviceInputSchema, type CatalogItem } from '../domain/catalog';
import { STAFF_KINDS, type Staff, type StaffKind } from '../domain/staff';
import type { AuditEntry, ChainProblem } from '../domain/audit';
import type { LicenceStatus } from '../domain/licence';
import {
  PERMISSION_IDS,
  type KindRights,
  type Permission,
  type PermissionId,
} from '../auth/rights';
import { idField } from '../schema/base';
import { parseMobile } from '../text/identity';
import { tidyPersian } from '../text/normalize';
import { passwordProblem } from '../auth/password';
import { isIsoDate } from '../time/dates';

const text = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} حداکثر ${max.toLocaleString('fa-IR')} حرف است.`)
    .default('')
    .transform((v) => v.trim());

const phone = z
  .string()
  .trim()
  .regex(/^[+0-9۰-۹٠-٩ ()-]{4,20}$/, 'شمارهٔ تلفن معتبر نیست.');

/** The center's profile and rules, as a manager edits them. */
export const centerProfileSchema = z
  .object({
    name: z
      .string({ error: 'نام مرکز را وارد کنید.' })
      .transform(tidyPersian)
      .pipe(z.string().min(1, 'نام مرکز را وارد کنید.').max(120, 'نام مرکز حداکثر ۱۲۰ حرف است.')),
    type: z.enum(CENTER_TYPES, { error: 'نوع مرکز را انتخاب کنید.' }),
    city: text(60, 'شهر'),
    address: text(400, 'نشانی'),
    phones: z.array(phone).max(10, 'حداکثر ۱۰ شماره.').default([]),
    location: z
      .object({
        lat: z
          .number()
          .min(24, 'عرض جغرافیایی در محدودهٔ ایران نیست.')
          .max(40, 'عرض جغرافیایی در محدودهٔ ایران نیست.'),
        lng: z
          .number()
          .min(44, 'طول جغرافیایی در محدودهٔ ایران نیست.')
          .max(64, 'طول جغرافیایی در محدودهٔ ایران نیست.'),
      })
      .nullable()
      .default(null),
    mapUrl: z
      .string()
      .trim()
      .max(500)
      .default('')
      .refine(
        (v) => v === '' || /^https:\/\/\S+$/.test(v),
        'پیوند نقشه باید با https:// آغاز شود.',
      ),
    social: z
      .partialRecord(
        z.enum(['instagram', 'telegram', 'whatsapp', 'eitaa', 'bale', 'rubika', 'website']),
        z.string().trim().max(200),
      )
      .default({}),
    bookingRules: text(5000, 'قوانین نوبت‌دهی'),
    cancellationRules: text(5000, 'قوانین لغو نوبت'),
    selfCancellation: z
      .object({
        enabled: z.boolean(),
        minNoticeHours: z
          .number()
          .int('ساعت باید عدد صحیح باشد.')
          .min(0, 'نمی‌تواند منفی باشد.')
          .max(720, 'حداکثر ۷۲۰ ساعت.'),
      })
      .default({ enabled: false, minNoticeHours: 24 }),
    weekend: z.array(z.number().int().min(0).max(6)).max(7).default([6]),
    moneyUnit: z.enum(['rial', 'toman']).default('toman'),
  })
  .refine((c) => !c.selfCancellation.enabled || c.cancellationRules !== '', {
    message: 'برای لغو نوبت به دست بیمار، قوانین لغو را بنویسید.',
    path: ['cancellationRules'],
  });

export type CenterProfileInput = z.input<typeof centerProfileSchema>;

/** What the rest of the product needs before the center is listed publicly (C8). */
export function publicListingProblems(
  center: Pick<Center, 'bookingRules' | 'cancellationRules' | 'address'>,
): string[] {
  const problems: string[] = [];
  if (!center.bookingRules.trim()) problems.push('قوانین نوبت‌دهی نوشته نشده است.');
  if (!center.cancellationRules.trim()) problems.push('قوانین لغو نوبت نوشته نشده است.');
  if (!center.address.trim()) problems.push('نشانی مرکز نوشته نشده است.');
  return problems;
}

/** A staff member as the UI sees them: never the password hash. */
export interface StaffView extends Omit<Staff, 'passwordHash'> {
  canLogIn: boolean;
  rights: PermissionId[];
}

const personName = (label: string) =>
  z
    .string({ error: `${label} را وارد کنید.` })
    .transform(tidyPersian)
    .pipe(z.string().min(1, `${label} را وارد کنید.`).max(60, `${label} حداکثر ۶۰ حرف است.`));

export const staffInputSchema = z
  .object({
    id: idField.optional(),
    firstName: personName('نام'),
    lastName: personName('نام خانوادگی'),
    mobile: z
      .string()
      .default('')
      .transform((v, ctx) => {
        if (v.trim() === '') return '';
        const m = parseMobile(v);
        if (!m) {
          ctx.addIssue({
            code: 'custom',
            message: 'شمارهٔ همراه معتبر نیست؛ مانند ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید.',
          });
          return z.NEVER;
        }
        return m;
      }),
    kind: z.enum(STAFF_KINDS, { error: 'نوع کارمند را انتخاب کنید.' }),
    title: text(40, 'عنوان'),
    specialty: text(120, 'تخصص'),
    active: z.boolean().default(true),
    /** A new password (set or replace); omit to keep the current one. */
    password: z
      .string()
      .optional()
      .superRefine((v, ctx) => {
        const problem = v === undefined || v === '' ? null : passwordProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    departmentIds: z.array(idField).max(50).default([]),
    serviceIds: z.array(idField).max(500).default([]),
  })
  .refine((s) => !s.password || s.mobile !== '', {
    message: 'برای ورود با گذرواژه، شمارهٔ همراه لازم است.',
    path: ['mobile'],
  });

export type StaffInput = z.input<typeof staffInputSchema>;

const rightsList = z.array(z.enum(PERMISSION_IDS as [PermissionId, ...PermissionId[]])).max(100);

export const auditQuerySchema = z.object({
  /** Jalali-picked calendar days, `YYYY-MM-DD`, inclusive, Tehran time. */
  from: z.string().refine(isIsoDate, 'تاریخ آغاز معتبر نیست.').optional(),
  to: z.string().refine(isIsoDate, 'تاریخ پایان معتبر نیست.').optional(),
  actorId: idField.optional(),
  section: z.string().max(40).optional(),
  targetId: idField.optional(),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});

export const setupMethods = {
  'center.get': method({
    description: 'The center profile, rules and settings, with what is missing for public listing.',
    args: z.object({}).default({}),
    result: returns<{ center: Center | null; listingProblems: string[] }>(),
  }),
  'center.update': method({
    description: 'Saves the center profile and rules (C2, C8).',
    args: centerProfileSchema,
    result: returns<Center>(),
    write: true,
    permission: 'settings.edit',
  }),
  'catalog.list': method({
    description: 'Departments and services of the center, sorted by name.',
    args: z
      .object({ includeInactive: z.boolean().default(true) })
      .default({ includeInactive: true }),
    result: returns<{ departments: CatalogItem[]; services: CatalogItem[] }>(),
  }),
  'catalog.saveDepartment': method({
    description: 'Creates or edits a department.',
    args: departmentInputSchema.extend({ id: idField.optional() }),
    result: returns<CatalogItem>(),
    write: true,
    permission: 'settings.edit',
  }),
  'catalog.saveService': method({
    description:
      'Creates or edits a service of a department (price in Rials, duration, prepayment).',
    args: serviceInputSchema.extend({ id: idField.optional() }),
    result: returns<CatalogItem>(),
    write: true,
    permission: 'settings.edit',
  }),
  'staff.list': method({
    description: 'Everyone who works at the center, with their effective rights.',
    args: z.object({}).default({}),
    result: returns<StaffView[]>(),
  }),
  'staff.save': method({
    description: 'Creates or edits a staff member (a new password is hashed on this desk).',
    args: staffInputSchema,
    result: returns<StaffView>(),
    write: true,
    permission: 'staff.manage',
  }),
  'staff.setRights': method({
    description: "Changes one person's rights relative to their kind.",
    args: z.object({ id: idField, granted: rightsList, revoked: rightsList }),
    result: returns<StaffView>(),
    write: true,
    permission: 'staff.manage',
  }),
  'rights.get': method({
    description:
      'The permission catalogue, the defaults per kind and the center’s changes to them.',
    args: z.object({}).default({}),
    result: returns<{
      permissions: Permission[];
      defaults: Record<StaffKind, PermissionId[]>;
      byKind: KindRights;
    }>(),
  }),
  'rights.setKind': method({
    description: "Changes a staff kind's default rights for this center.",
    args: z.object({ kind: z.enum(STAFF_KINDS), granted: rightsList, revoked: rightsList }),
    result: returns<KindRights>(),
    write: true,
    permission: 'staff.manage',
  }),
  'audit.list': method({
    description:
      'The change log, newest first, with filters (person, Jalali date range, section, document).',
    args: auditQuerySchema,
    result: returns<Page<AuditEntry>>(),
    permission: 'logs.view',
  }),
  'audit.verify': method({
    description: "Checks every device's hash chain in the local copy of the log.",
    args: z.object({}).default({}),
    result: returns<{ ok: boolean; checked: number; problems: ChainProblem[] }>(),
    permission: 'logs.view',
  }),
  'licence.status': method({
    description: 'The signed licence this desk holds: seats, modules, validity.',
    public: true,
    args: z.object({}).default({}),
    result: returns<LicenceStatus>(),
  }),
};
