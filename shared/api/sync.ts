import { z } from 'zod';
import { method, returns } from './method';
import type { SyncStatus } from './events';
import type { Appointment } from '../domain/appointments';

/** Where the desk stands with the central server. */
export interface SyncInfo {
  status: SyncStatus;
  enrolled: boolean;
  serverUrl: string | null;
  centerName: string | null;
  deviceId: string;
}

/** A booking that lost a slot race, with what a person needs to decide. */
export interface ConflictBooking {
  appointment: Appointment;
  patientName: string;
  /** So reception can phone the patient (09… form), or ''. */
  patientMobile: string;
  providerName: string;
  serviceName: string;
  /** The booking that kept the time, if it is on this desk. */
  winner: { id: string; patientName: string; start: number; end: number } | null;
}

/** An edit this desk made that another device's earlier edit of the same field replaced. */
export interface OverriddenEdit {
  at: string;
  collection: string;
  documentId: string;
  field: string;
  localValue: unknown;
  serverValue: unknown;
}

const serverUrl = z
  .string({ error: 'نشانی سرور را وارد کنید.' })
  .trim()
  .min(1, 'نشانی سرور را وارد کنید.')
  .max(300)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'نشانی سرور معتبر نیست؛ مانند https://sync.example.ir');

export const syncMethods = {
  'sync.status': method({
    description: 'The current sync status (later changes arrive as `sync-status` events).',
    public: true,
    args: z.object({}).default({}),
    result: returns<SyncStatus>(),
  }),
  'sync.info': method({
    description: 'Sync status plus the server and center this desk is enrolled to.',
    public: true,
    args: z.object({}).default({}),
    result: returns<SyncInfo>(),
  }),
  'sync.enrollStart': method({
    description:
      "Starts enrolling this desk to a center: the server checks the manager's mobile and password and sends a one-time code by SMS.",
    public: true,
    args: z.object({
      serverUrl,
      mobile: z
        .string({ error: 'شمارهٔ همراه مدیر را وارد کنید.' })
        .min(1, 'شمارهٔ همراه مدیر را وارد کنید.')
        .max(20),
      password: z
        .string({ error: 'گذرواژه را وارد کنید.' })
        .min(1, 'گذرواژه را وارد کنید.')
        .max(200),
      deviceName: z.string().trim().min(1, 'نامی برای این رایانه بنویسید.').max(80),
    }),
    result: returns<{ enrollmentId: string; sentTo: string; expiresAt: string }>(),
  }),
  'sync.enrollFinish': method({
    description: 'Finishes enrolling with the one-time code; the desk then syncs with the center.',
    public: true,
    args: z.object({
      enrollmentId: z.string().min(1).max(80),
      code: z
        .string()
        .trim()
        .regex(/^[0-9۰-۹٠-٩]{4,10}$/, 'کد یک‌بارمصرف را درست وارد کنید.'),
    }),
    result: returns<{ centerName: string }>(),
    write: true,
  }),
  'sync.now': method({
    description: 'Retries sync at once instead of waiting for the next attempt.',
    args: z.object({}).default({}),
    result: returns<null>(),
  }),
  'sync.conflicts': method({
    permission: 'appointments.view',
    description:
      'Bookings the server marked as conflicting, and edits replaced by earlier edits elsewhere.',
    args: z.object({}).default({}),
    result: returns<{ bookings: ConflictBooking[]; overridden: OverriddenEdit[] }>(),
  }),
};
