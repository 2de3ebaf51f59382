/**
 * The center's catalogue (C3, later C4 and C6): departments and the services each offers, in one
 * collection told apart by `kind`. Money is integer Rials.
 */
import { z } from 'zod';
import { baseDocShape, toRxJsonSchema } from '../schema/base';
import { tidyPersian } from '../text/normalize';

export const CATALOG_KINDS = ['department', 'service'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

/** Largest price accepted: 100 billion Rials. */
export const MAX_PRICE_RIAL = 100_000_000_000;

/** The stored shape, common to every kind (fields a kind does not use stay empty/zero). */
export const catalogDocSchema = z.object({
  ...baseDocShape,
  kind: z.enum(CATALOG_KINDS),
  name: z.string().min(1).max(120),
  description: z.string().max(1000),
  active: z.boolean(),
  /** A service's department; '' for departments. */
  departmentId: z.string().max(40),
  priceRial: z.number().int().min(0).max(MAX_PRICE_RIAL),
  durationMin: z.number().int().min(0).max(1440),
  /** The service can be booked online only after paying (C7, P5). */
  prepaymentRequired: z.boolean(),
  sortKey: z.string().max(130),
});

export type CatalogItem = z.infer<typeof catalogDocSchema>;

export const catalogRxSchema = toRxJsonSchema(catalogDocSchema, {
  title: 'catalog',
  description: 'Departments and services (later insurers, contracts, goods, warehouses)',
  version: 0,
  indexes: [['kind', 'sortKey'], ['departmentId'], ['updatedAt']],
});

const name = (label: string) =>
  z
    .string({ error: `${label} را وارد کنید.` })
    .transform(tidyPersian)
    .pipe(z.string().min(1, `${label} را وارد کنید.`).max(120, `${label} حداکثر ۱۲۰ حرف است.`));

export const departmentInputSchema = z.object({
  name: name('نام بخش'),
  description: z.string().max(1000, 'توضیح حداکثر ۱۰۰۰ حرف است.').default(''),
  active: z.boolean().default(true),
});

export const serviceInputSchema = z.object({
  name: name('نام خدمت'),
  description: z.string().max(1000, 'توضیح حداکثر ۱۰۰۰ حرف است.').default(''),
  active: z.boolean().default(true),
  departmentId: z.string({ error: 'بخش را انتخاب کنید.' }).min(1, 'بخش را انتخاب کنید.').max(40),
  priceRial: z
    .number({ error: 'مبلغ را به ریال وارد کنید.' })
    .int('مبلغ باید عدد صحیح ریال باشد.')
    .min(0, 'مبلغ نمی‌تواند منفی باشد.')
    .max(MAX_PRICE_RIAL, 'مبلغ بیش از حد بزرگ است.'),
  durationMin: z
    .number({ error: 'مدت خدمت را وارد کنید.' })
    .int('مدت باید به دقیقهٔ کامل باشد.')
    .min(5, 'مدت خدمت دست‌کم ۵ دقیقه است.')
    .max(600, 'مدت خدمت حداکثر ۶۰۰ دقیقه است.'),
  prepaymentRequired: z.boolean().default(false),
});

export type DepartmentInput = z.input<typeof departmentInputSchema>;
export type ServiceInput = z.input<typeof serviceInputSchema>;
