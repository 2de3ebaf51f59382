/**
 * The collections of the local database, from the one list of synced collections in shared/.
 */
import type { RxCollection, RxJsonSchema } from 'rxdb';
import { SYNCED_COLLECTIONS, type SyncedCollectionName } from '../../../shared/sync/collections';
import type { Patient } from '../../../shared/domain/patients';
import type { Staff } from '../../../shared/domain/staff';
import type { Center } from '../../../shared/domain/center';
import type { Appointment } from '../../../shared/domain/appointments';
import type { CatalogItem } from '../../../shared/domain/catalog';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { ScheduleDoc } from '../../../shared/domain/schedules';
import type { SessionPackage } from '../../../shared/domain/packages';
import type { Invoice } from '../../../shared/domain/invoices';
import type { LedgerEntry } from '../../../shared/domain/ledger';
import type { StockMovement } from '../../../shared/domain/stock';
import type { Message } from '../../../shared/domain/messages';

export const collectionSchemas = Object.fromEntries(
  Object.entries(SYNCED_COLLECTIONS).map(([name, c]) => [
    name,
    c.rxSchema as unknown as RxJsonSchema<never>,
  ]),
) as Record<SyncedCollectionName, RxJsonSchema<never>>;

export interface ClinicCollections {
  center: RxCollection<Center>;
  staff: RxCollection<Staff>;
  patients: RxCollection<Patient>;
  appointments: RxCollection<Appointment>;
  catalog: RxCollection<CatalogItem>;
  packages: RxCollection<SessionPackage>;
  invoices: RxCollection<Invoice>;
  ledger: RxCollection<LedgerEntry>;
  stock: RxCollection<StockMovement>;
  messages: RxCollection<Message>;
  audit: RxCollection<AuditEntry>;
  schedules: RxCollection<ScheduleDoc>;
}
