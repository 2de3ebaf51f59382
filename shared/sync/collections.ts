/**
 * The synced collections: one list that the desk (RxDB collections), the sync server (validation,
 * center filtering) and the portal agree on. At most 12 (open-source RxDB allows 13 per process).
 */
import type { z } from 'zod';
import { appointmentDocSchema, appointmentRxSchema } from '../domain/appointments';
import { centerDocSchema, centerRxSchema } from '../domain/center';
import { patientDocSchema, patientRxSchema } from '../domain/patients';
import { staffDocSchema, staffRxSchema } from '../domain/staff';
import { catalogDocSchema, catalogRxSchema } from '../domain/catalog';
import { auditDocSchema, auditRxSchema } from '../domain/audit';
import { scheduleDocSchema, scheduleRxSchema } from '../domain/schedules';
import { packageDocSchema, packageRxSchema } from '../domain/packages';
import { invoiceDocSchema, invoiceRxSchema } from '../domain/invoices';
import { ledgerDocSchema, ledgerRxSchema } from '../domain/ledger';
import { stockDocSchema, stockRxSchema } from '../domain/stock';
import { messageDocSchema, messageRxSchema } from '../domain/messages';

export interface SyncedCollection {
  /** The stored document shape; the server validates every pushed document with it (strictly). */
  docSchema: z.ZodType;
  rxSchema: { version: number; primaryKey: string; properties: Record<string, unknown> };
}

export const SYNCED_COLLECTIONS = {
  center: { docSchema: centerDocSchema, rxSchema: centerRxSchema },
  staff: { docSchema: staffDocSchema, rxSchema: staffRxSchema },
  catalog: { docSchema: catalogDocSchema, rxSchema: catalogRxSchema },
  patients: { docSchema: patientDocSchema, rxSchema: patientRxSchema },
  appointments: { docSchema: appointmentDocSchema, rxSchema: appointmentRxSchema },
  schedules: { docSchema: scheduleDocSchema, rxSchema: scheduleRxSchema },
  packages: { docSchema: packageDocSchema, rxSchema: packageRxSchema },
  invoices: { docSchema: invoiceDocSchema, rxSchema: invoiceRxSchema },
  ledger: { docSchema: ledgerDocSchema, rxSchema: ledgerRxSchema },
  stock: { docSchema: stockDocSchema, rxSchema: stockRxSchema },
  messages: { docSchema: messageDocSchema, rxSchema: messageRxSchema },
  audit: { docSchema: auditDocSchema, rxSchema: auditRxSchema },
} satisfies Record<string, SyncedCollection>;

export type SyncedCollectionName = keyof typeof SYNCED_COLLECTIONS;

export const SYNCED_COLLECTION_NAMES = Object.keys(SYNCED_COLLECTIONS) as SyncedCollectionName[];

export const MAX_COLLECTIONS = 12;
if (SYNCED_COLLECTION_NAMES.length > MAX_COLLECTIONS) {
  throw new Error(`At most ${MAX_COLLECTIONS} collections: RxDB's open-source limit is 13`);
}

export function isSyncedCollection(name: unknown): name is SyncedCollectionName {
  return typeof name === 'string' && Object.hasOwn(SYNCED_COLLECTIONS, name);
}
