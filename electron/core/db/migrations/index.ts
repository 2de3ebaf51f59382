/**
 * RxDB migration strategies per collection: `strategies[n]` turns a document of version n-1 into
 * version n. One file per change; each has a test that builds the previous version, inserts
 * documents, reopens with the current schema and checks the result.
 */
import type { MigrationStrategies } from 'rxdb';
import type { SyncedCollectionName } from '../../../../shared/sync/collections';
import { catalogV1 } from './catalog-1-insurance-and-goods';
import { centerV1 } from './center-1-shop-and-discounts';
import { centerV2 } from './center-2-sms';

export const MIGRATIONS: Partial<Record<SyncedCollectionName, MigrationStrategies>> = {
  catalog: { 1: catalogV1 },
  center: { 1: centerV1, 2: centerV2 },
};
