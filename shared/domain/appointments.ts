/**
 * Appointments, receptions and session visits (B1, B3, B4). A booking holds a provider's time on a
 * calendar day: `date` (YYYY-MM-DD, Tehran) and `start`/`end` in minutes from midnight.
 *
 * Slot rule (the server is the authority): two active bookings of one provider may not overlap.
 * When two desks (or a desk and the portal) give away the same time, the booking committed first
 * wins; the server marks the other `status: 'conflict'` and it goes to a person's conflict queue.
 */
import { z } from 'zod';
import { baseDocShape, idField, toRxJsonSchema } from '../schema/base';

export const APPOINTMENT_STATUSES = [
  /** Held by the portal while the patient pays. */
  'held',
  'booked',
  'checked-in',
  'done',
  'no-show',
  'cancelled',
  /** Lost a slot race; waits in the conflict queue. */
  'conflict',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Statuses that hold the provider's time. */
export const SLOT_HOLDING_STATUSES: readonly AppointmentStatus[] = [
  'held',
  'booked',
  'checked-in',
  'done',
  'no-show',
];

export const APPOINTMENT_SOURCES = ['desk', 'portal'] as const;

export const MINUTES_PER_DAY = 24 * 60;

export const appointmentDocSchema = z
  .object({
    ...baseDocShape,
    patientId: idField,
    providerId: idField,
    serviceId: z.string().max(40),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .max(10),
    start: z.number().int().min(0).max(MINUTES_PER_DAY),
    end: z.number().int().min(1).max(MINUTES_PER_DAY),
    status: z.enum(APPOINTMENT_STATUSES),
    source: z.enum(APPOINTMENT_SOURCES),
    /** Short code the patient shows on arrival (P9). */
    trackingCode: z.string().max(16),
    /** Kept on purpose beside another booking (needs the right to overbook). */
    overbook: z.boolean(),
    notes: z.string().max(2000),
    cancelReason: z.string().max(500),
    /** Set by the server when the booking lost a slot race. */
    conflict: z
      .object({ withId: idField, at: z.string().max(30), reason: z.string().max(200) })
      .nullable(),
    /** The session package this visit uses, or ''. */
    packageId: z.string().max(40),
    /** Came without a booking (reception registered the visit on arrival). */
    walkIn: z.boolean(),
    /** When reception checked the patient in (UTC ISO), or ''. */
    checkedInAt: z.string().max(30),
  })
  .refine((a) => a.end > a.start, {
    message: 'پایان نوبت باید پس از شروع آن باشد.',
    path: ['end'],
  });

export type Appointment = z.infer<typeof appointmentDocSchema>;

export const appointmentRxSchema = toRxJsonSchema(appointmentDocSchema as unknown as z.ZodObject, {
  title: 'appointments',
  description: 'Bookings, receptions and session visits',
  version: 0,
  indexes: [
    ['providerId', 'date', 'start'],
    ['patientId', 'date'],
    ['date', 'start'],
    ['status', 'date'],
    ['updatedAt'],
  ],
});

export function holdsSlot(a: Pick<Appointment, 'status'>): boolean {
  return SLOT_HOLDING_STATUSES.includes(a.status);
}

/** True when the two time ranges of one day overlap (touching ends do not). */
export function rangesOverlap(
  a: { start: number; end: number },
  b: { start: number; end: number },
): boolean {
  return a.start < b.end && b.start < a.end;
}
