/**
 * The center's catalogue (C3, C4, C6) in one collection told apart by `kind`: departments and their
 * services; insurers (basic and supplementary) and their contracts per service (tariff and the
 * insurer's share); goods and warehouses. Money is integer Rials; shares are basis points (1/100 %).
 *
 * Version 1 added the insurance and inventory fields (migration: electron/core/db/migrations).
 */
import { z } from 'zod';
import { baseDocShape, toRxJsonSchema } from '../schema/base';
import { tidyPersian } from '../text/normalize';

export const CATALOG_KINDS = [
  'department',
  'service',
  'insurer',
  'contract',
  'good',
  'warehouse',
] as const;
export const INSURER_TYPES = ['basic', 'supplementary'] as const;
export type InsurerType = (typeof INSURER_TYPES)[number];
export const INSURER_TYPE_LABELS: Record<InsurerType, string> = {
  basic: 'بیمهٔ پایه',
  supplementary: 'بیمهٔ تکمیلی',
};
/** 100 % in basis points. */
export const FULL_SHARE_BP = 10_000;
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
  /** Insurers: basic or supplementary; '' otherwise. */
  insurerType: z.enum(['', ...INSURER_TYPES]),
  /** Contracts: the insurer and the service they cover; '' otherwise. */
  insurerId: z.string().max(40),
  serviceId: z.string().max(40),
  /** Contracts: the tariff the insurer recognises for the service (Rials). */
  tariffRial: z.number().int().min(0).max(MAX_PRICE_RIAL),
  /** Contracts: the insurer's share of the tariff, in basis points (7000 = 70 %). */
  insurerShareBp: z.number().int().min(0).max(FULL_SHARE_BP),
  /** Goods. */
  barcode: z.string().max(64),
  unit: z.string().max(30),
  reorderLevel: z.number().int().min(0).max(1_000_000_000),
});

export type CatalogItem = z.infer<typeof catalogDocSchema>;

export const catalogRxSchema = toRxJsonSchema(catalogDocSchema, {
  title: 'catalog',
  description: 'Departments and services (later insurers, contracts, goods, warehouses)',
  version: 1,
  indexes: [['kind', 'sortKey'], ['departmentId'], ['barcode'], ['updatedAt']],
});

/** The fields version 1 added, with the values old documents get. */
export const CATALOG_V1_DEFAULTS = {
  insurerType: '' as const,
  insurerId: '',
  serviceId: '',
  tariffRial: 0,
  insurerShareBp: 0,
  barcode: '',
  unit: '',
  reorderLevel: 0,
};

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
