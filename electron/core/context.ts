import type { ClinicDatabase } from './db/database';
import type { DeviceIdentity } from './config';
import type { AppInfo } from '../../shared/api/app';
import type { SessionManager } from './auth/session';
import type { SyncService } from './sync/service';
import type { RightsResolver } from './auth/rights-resolver';
import type { DocWriter } from './write/doc-writer';
import type { AuditWriter } from './audit/audit-writer';
import type { LicenceService } from './licence/licence-service';
import type { PatientSearchIndex } from './patients/search-index';
import type { FileNumbers } from './patients/file-numbers';
import type { MoneyAggregates } from './money/aggregates';

/** The staff member on whose behalf a call runs. */
export interface Actor {
  staffId: string;
  name: string;
}

/** What every handler gets besides its arguments. */
export interface CoreContext {
  db: ClinicDatabase;
  /** Updated in place when the desk is enrolled to a center. */
  device: DeviceIdentity;
  /** The logged-in staff member, or the local actor of a desk that works alone. */
  readonly actor: Actor;
  info: AppInfo;
  session: SessionManager;
  sync: SyncService;
  rights: RightsResolver;
  /** Every document change goes through it (and into the audit log). */
  writer: DocWriter;
  audit: AuditWriter;
  licence: LicenceService;
  patientIndex: PatientSearchIndex;
  fileNumbers: FileNumbers;
  /** Running balances and stock levels (await `load()` before reading them). */
  money: MoneyAggregates;
  /** The current instant; injectable so tests control time. */
  now(): Date;
}

/** The fields every document gets when created, from the context. */
export function createdFields(ctx: CoreContext, id: string) {
  const at = ctx.now().toISOString();
  return {
    id,
    centerId: ctx.device.centerId,
    createdAt: at,
    updatedAt: at,
    updatedBy: ctx.actor.staffId,
    deviceId: ctx.device.deviceId,
  };
}

/** The fields every document gets on each change. */
export function updatedFields(ctx: CoreContext) {
  return {
    updatedAt: ctx.now().toISOString(),
    updatedBy: ctx.actor.staffId,
    deviceId: ctx.device.deviceId,
  };
}
