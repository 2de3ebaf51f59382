/**
 * The center (clinic) itself: profile, public contact details, rules and settings (C2, C8, C9).
 * One document per center; its `id` equals its `centerId`.
 */
import { z } from 'zod';
import { baseDocShape, toRxJsonSchema } from '../schema/base';
import { DEFAULT_TEMPLATES } from './messages';

export const CENTER_TYPES = [
  'clinic',
  'polyclinic',
  'medical-office',
  'dental',
  'physiotherapy',
  'beauty',
  'laboratory',
  'imaging',
  'counseling',
  'rehabilitation',
  'other',
] as const;
export type CenterType = (typeof CENTER_TYPES)[number];

export const CENTER_TYPE_LABELS: Record<CenterType, string> = {
  clinic: 'درمانگاه',
  polyclinic: 'پلی‌کلینیک',
  'medical-office': 'مطب',
  dental: 'دندانپزشکی',
  physiotherapy: 'فیزیوتراپی',
  beauty: 'زیبایی',
  laboratory: 'آزمایشگاه',
  imaging: 'تصویربرداری',
  counseling: 'مشاوره',
  rehabilitation: 'توانبخشی',
  other: 'سایر',
};

export const centerDocSchema = z.object({
  ...baseDocShape,
  name: z.string().min(1).max(120),
  type: z.enum(CENTER_TYPES),
  city: z.string().max(60),
  address: z.string().max(400),
  phones: z.array(z.string().max(20)).max(10),
  /** WGS84; null when not set. */
  location: z
    .object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
    .nullable(),
  mapUrl: z.string().max(500),
  social: z.record(z.string().max(20), z.string().max(200)),
  bookingRules: z.string().max(5000),
  cancellationRules: z.string().max(5000),
  selfCancellation: z.object({
    enabled: z.boolean(),
    /** Minimum notice before the visit, in hours. */
    minNoticeHours: z.number().int().min(0).max(720),
  }),
  /** Days of the week the center is closed: 0 = Saturday … 6 = Friday. */
  weekend: z.array(z.number().int().min(0).max(6)).max(7),
  moneyUnit: z.enum(['rial', 'toman']),
  /** Purchased add-on modules (the licence is the authority; this mirrors it for display). */
  modules: z.array(z.string().max(40)).max(20),
  /** The center's changes to each staff kind's default rights (shared/auth/rights.ts). */
  rightsByKind: z.record(
    z.string().max(20),
    z.object({
      granted: z.array(z.string().max(60)).max(100),
      revoked: z.array(z.string().max(60)).max(100),
    }),
  ),
  /** Shop: sell goods beyond the stock on hand (the level goes negative). */
  allowNegativeStock: z.boolean(),
  /** The largest discount staff with the discount right may give, in basis points (managers: any). */
  maxDiscountBp: z.number().int().min(0).max(10_000),
  /** SMS texts per center (C9) with placeholders (shared/domain/messages.ts). */
  smsTemplates: z.object({
    confirmation: z.string().max(1000),
    reminder: z.string().max(1000),
    welcome: z.string().max(1000),
    cancellation: z.string().max(1000),
  }),
  /** Which automatic messages are sent. */
  smsAuto: z.object({
    confirmation: z.boolean(),
    reminder: z.boolean(),
    welcome: z.boolean(),
    cancellation: z.boolean(),
  }),
  /** The reminder goes this many hours before the visit. */
  reminderHoursBefore: z.number().int().min(1).max(168),
  /** No automatic message is sent between these minutes of the day (Tehran), e.g. 22:00–08:00. */
  quietHours: z.object({
    from: z.number().int().min(0).max(1440),
    to: z.number().int().min(0).max(1440),
  }),
  /** Gallery images on the server, in order (uploaded from a desk while online). */
  gallery: z.array(z.object({ imageId: z.string().max(40), caption: z.string().max(200) })).max(30),
});

export type Center = z.infer<typeof centerDocSchema>;

export const centerRxSchema = toRxJsonSchema(centerDocSchema, {
  title: 'center',
  description: 'The center profile and settings',
  version: 2,
  indexes: [['updatedAt']],
});

/** The fields version 1 added, with the values old documents get. */
export const CENTER_V1_DEFAULTS = { allowNegativeStock: false, maxDiscountBp: 2_000 };

/** The fields version 2 added (SMS), with the values old documents get. */
export const CENTER_V2_DEFAULTS = {
  smsTemplates: { ...DEFAULT_TEMPLATES },
  smsAuto: { confirmation: true, reminder: true, welcome: false, cancellation: true },
  reminderHoursBefore: 24,
  quietHours: { from: 22 * 60, to: 8 * 60 },
};
