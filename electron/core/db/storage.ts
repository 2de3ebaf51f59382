/**
 * The storage seam: the one place that decides which RxDB storage the desk uses.
 *
 * Until the better-sqlite3 storage lands, RxDB's memory storage stands here: data does NOT survive
 * a restart. The README says so.
 */
import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';

export type StorageKind = 'memory';

export interface StorageOptions {
  kind: StorageKind;
  dataDir: string;
}

export interface StorageChoice {
  kind: StorageKind;
  /** Wrapped in schema validation: a document that breaks its schema never reaches the disk. */
  storage: RxStorage<unknown, unknown>;
}

export function createStorage(options: StorageOptions): StorageChoice {
  const base = getRxStorageMemory();
  return {
    kind: options.kind,
    storage: wrappedValidateAjvStorage({ storage: base }) as RxStorage<unknown, unknown>,
  };
}
