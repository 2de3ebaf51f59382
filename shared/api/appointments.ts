/**
 * Appointments and receptions (B1, B3, B4, B8 actions) and session packages.
 */
import { z } from 'zod';
import { method, returns } from './method';
import type { Page } from './patients';
import {
  APPOINTMENT_SOURCES,
  APPOINTMENT_STATUSES,
  MINUTES_PER_DAY,
  type Appointment,
} from '../domain/appointments';
import type { Patient } from '../domain/patients';
import type { PackageUsage, SessionPackage } from '../domain/packages';
import { MAX_PRICE_RIAL } from '../domain/catalog';
import { idField } from '../schema/base';
import { isIsoDate } from '../time/dates';

const day = (label: string) =>
  z.string({ error: `${label} را وارد کنید.` }).refine(isIsoDate, `${label} معتبر نیست.`);

const timeRange = {
  date: day('تاریخ نوبت'),
  start: z
    .number({ error: 'ساعت شروع را وارد کنید.' })
    .int()
    .min(0, 'ساعت شروع معتبر نیست.')
    .max(MINUTES_PER_DAY - 1, 'ساعت شروع معتبر نیست.'),
  end: z
    .number({ error: 'ساعت پایان را وارد کنید.' })
    .int()
    .min(1, 'ساعت پایان معتبر نیست.')
    .max(MINUTES_PER_DAY, 'ساعت پایان معتبر نیست.'),
};

const endAfterStart = { message: 'پایان نوبت باید پس از شروع آن باشد.', path: ['end'] };

export const bookArgs = z
  .object({
    patientId: idField,
    providerId: idField,
    serviceId: z.string().max(40).default(''),
    ...timeRange,
    notes: z.string().max(2000, 'یادداشت حداکثر ۲۰۰۰ حرف است.').default(''),
    overbook: z.boolean().default(false),
    /** A session of this package (B4). */
    packageId: z.string().max(40).default(''),
  })
  .refine((a) => a.end > a.start, endAfterStart);

export const moveArgs = z
  .object({
    id: idField,
    providerId: idField.optional(),
    ...timeRange,
    overbook: z.boolean().default(false),
  })
  .refine((a) => a.end > a.start, endAfterStart);

export const appointmentListArgs = z.object({
  from: day('تاریخ آغاز').optional(),
  to: day('تاریخ پایان').optional(),
  providerId: idField.optional(),
  serviceId: idField.optional(),
  departmentId: idField.optional(),
  statuses: z.array(z.enum(APPOINTMENT_STATUSES)).max(10).optional(),
  source: z.enum(APPOINTMENT_SOURCES).optional(),
  patientId: idField.optional(),
  /** Patient name, national id, mobile, file number or tracking code. */
  query: z.string().max(100).default(''),
  sort: z.enum(['time-asc', 'time-desc']).default('time-asc'),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});

/** A row of the appointments list: the booking with the names a person reads. */
export interface AppointmentRow extends Appointment {
  patientName: string;
  patientMobile: string;
  patientNationalId: string;
  patientFileNumber: string;
  providerName: string;
  serviceName: string;
}

export interface PackageView extends SessionPackage {
  usage: PackageUsage;
  serviceName: string;
}

export interface PatientFile {
  patient: Patient;
  appointments: AppointmentRow[];
  packages: PackageView[];
  /** People this patient booked for on the portal (P6), and their relation. */
  dependants: Patient[];
  /** The account holder, when this patient was booked by someone else. */
  bookedBy: Patient | null;
}

export const appointmentMethods = {
  'appointments.book': method({
    permission: 'appointments.book',
    description:
      "Books a provider's time for a patient; refuses time already held on this desk unless overbooking.",
    args: bookArgs,
    result: returns<Appointment>(),
    write: true,
  }),
  'appointments.walkIn': method({
    permission: 'appointments.checkIn',
    description: 'Registers a patient who came without a booking: booked and checked in now.',
    args: z.object({
      patientId: idField,
      providerId: idField,
      serviceId: z.string().max(40).default(''),
      durationMin: z.number().int().min(5).max(600).default(15),
      packageId: z.string().max(40).default(''),
      notes: z.string().max(2000).default(''),
    }),
    result: returns<Appointment>(),
    write: true,
  }),
  'appointments.move': method({
    permission: 'appointments.book',
    description:
      'Moves a booking to another time (and provider); a conflict booking moved to free time holds again.',
    args: moveArgs,
    result: returns<Appointment>(),
    write: true,
  }),
  'appointments.cancel': method({
    permission: 'appointments.cancel',
    description: 'Cancels a booking with a reason.',
    args: z.object({
      id: idField,
      reason: z.string().trim().min(1, 'دلیل لغو را بنویسید.').max(500, 'دلیل حداکثر ۵۰۰ حرف است.'),
    }),
    result: returns<Appointment>(),
    write: true,
  }),
  'appointments.checkIn': method({
    permission: 'appointments.checkIn',
    description: 'Reception: the patient has arrived.',
    args: z.object({ id: idField }),
    result: returns<Appointment>(),
    write: true,
  }),
  'appointments.noShow': method({
    permission: 'appointments.checkIn',
    description: 'The patient did not come.',
    args: z.object({ id: idField }),
    result: returns<Appointment>(),
    write: true,
  }),
  'appointments.done': method({
    permission: 'appointments.checkIn',
    description: 'The visit is over.',
    args: z.object({ id: idField }),
    result: returns<Appointment>(),
    write: true,
  }),
  'appointments.keepOverbook': method({
    permission: 'appointments.overbook',
    description: 'Keeps a conflict booking beside the other one (an overbooking).',
    args: z.object({ id: idField }),
    result: returns<Appointment>(),
    write: true,
  }),
  'appointments.get': method({
    permission: 'appointments.view',
    description: 'One appointment by id.',
    args: z.object({ id: idField }),
    result: returns<Appointment>(),
  }),
  'appointments.row': method({
    permission: 'appointments.view',
    description: 'One appointment with the names a person reads (patient, provider, service).',
    args: z.object({ id: idField }),
    result: returns<AppointmentRow>(),
  }),
  'appointments.list': method({
    permission: 'appointments.view',
    description: 'Appointments and receptions with filters, search, sort and paging (B1).',
    args: appointmentListArgs,
    result: returns<Page<AppointmentRow>>(),
  }),
  'appointments.export': method({
    permission: 'appointments.view',
    description: 'The filtered list as an Excel workbook (base64), Persian headers, Jalali dates.',
    args: appointmentListArgs.omit({ limit: true, offset: true }),
    result: returns<{ fileName: string; base64: string; rows: number }>(),
  }),
  'patients.file': method({
    permission: 'patients.view',
    description: "A patient's file: demographics, appointments, packages and related people.",
    args: z.object({ id: idField }),
    result: returns<PatientFile>(),
  }),
  'packages.sell': method({
    permission: 'packages.sell',
    description: 'Sells a package of N sessions of a service to a patient.',
    args: z.object({
      patientId: idField,
      serviceId: z.string({ error: 'خدمت را انتخاب کنید.' }).min(1, 'خدمت را انتخاب کنید.').max(40),
      sessions: z
        .number({ error: 'تعداد جلسات را وارد کنید.' })
        .int('تعداد جلسات باید عدد صحیح باشد.')
        .min(1, 'دست‌کم یک جلسه.')
        .max(200, 'حداکثر ۲۰۰ جلسه.'),
      priceRial: z
        .number({ error: 'مبلغ را وارد کنید.' })
        .int('مبلغ باید عدد صحیح ریال باشد.')
        .min(0, 'مبلغ نمی‌تواند منفی باشد.')
        .max(MAX_PRICE_RIAL, 'مبلغ بیش از حد بزرگ است.'),
      validUntil: z
        .string()
        .refine((v) => v === '' || isIsoDate(v), 'تاریخ اعتبار معتبر نیست.')
        .default(''),
      notes: z.string().max(1000).default(''),
    }),
    result: returns<PackageView>(),
    write: true,
  }),
  'packages.list': method({
    permission: 'patients.view',
    description: "A patient's packages with sessions used, booked and left.",
    args: z.object({ patientId: idField }),
    result: returns<PackageView[]>(),
  }),
};
