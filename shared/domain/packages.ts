/**
 * Session packages (B4): a patient buys N sessions of a service; each session is an appointment that
 * points at the package. Used, booked and remaining counts are always derived from those
 * appointments, never stored as counters, so two desks recording sessions offline cannot overwrite
 * each other's counts.
 */
import { z } from 'zod';
import { baseDocShape, idField, toRxJsonSchema } from '../schema/base';
import { MAX_PRICE_RIAL } from './catalog';
import type { Appointment } from './appointments';

export const PACKAGE_STATUSES = ['active', 'cancelled'] as const;

export const packageDocSchema = z.object({
  ...baseDocShape,
  patientId: idField,
  serviceId: idField,
  /** The package's name as sold («۱۰ جلسه فیزیوتراپی»). */
  title: z.string().min(1).max(120),
  sessions: z.number().int().min(1).max(200),
  priceRial: z.number().int().min(0).max(MAX_PRICE_RIAL),
  soldOn: z.string().max(10),
  /** Last day a session may be used (YYYY-MM-DD), or ''. */
  validUntil: z.string().max(10),
  status: z.enum(PACKAGE_STATUSES),
  notes: z.string().max(1000),
});

export type SessionPackage = z.infer<typeof packageDocSchema>;

export const packageRxSchema = toRxJsonSchema(packageDocSchema, {
  title: 'packages',
  description: 'Session packages sold to patients',
  version: 0,
  indexes: [['patientId', 'soldOn'], ['updatedAt']],
});

export interface PackageUsage {
  /** Sessions the patient attended (checked in or done). */
  used: number;
  /** Sessions booked and still to come. */
  booked: number;
  /** Sessions neither used nor booked (missed ones count as used when the center says so). */
  left: number;
  noShows: number;
  expired: boolean;
}

/** Counts from the package's appointments (any desk's), on `today`. */
export function packageUsage(
  pkg: Pick<SessionPackage, 'sessions' | 'validUntil'>,
  visits: readonly Pick<Appointment, 'status'>[],
  today: string,
): PackageUsage {
  let used = 0;
  let booked = 0;
  let noShows = 0;
  for (const v of visits) {
    if (v.status === 'checked-in' || v.status === 'done') used += 1;
    else if (v.status === 'booked' || v.status === 'held') booked += 1;
    else if (v.status === 'no-show') noShows += 1;
  }
  return {
    used,
    booked,
    noShows,
    left: Math.max(0, pkg.sessions - used - booked),
    expired: pkg.validUntil !== '' && pkg.validUntil < today,
  };
}
