/**
 * The storage seam: the one place that decides which RxDB storage the desk uses.
 *
 * - `sqlite`: the durable storage on better-sqlite3 (electron/core/storage), database files under
 *   `<dataDir>/db/`.
 * - `memory`: RxDB's memory storage; data does NOT survive a restart (some tests use it).
 */
import path from 'node:path';
import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { getRxStorageSqlite } from '../storage/rx-storage-sqlite';

export type StorageKind = 'memory' | 'sqlite';

export interface StorageOptions {
  kind: StorageKind;
  dataDir: string;
  /** better-sqlite3 addon built for Electron's ABI; the Electron main process passes it. */
  nativeBinding?: string;
}

export interface StorageChoice {
  kind: StorageKind;
  /** Wrapped in schema validation: a document that breaks its schema never reaches the disk. */
  storage: RxStorage<unknown, unknown>;
}

/** The one database file of a data folder, whatever RxDB name database.ts gives it. */
export const DESK_DATABASE_FILE = 'desk.sqlite';

export function createStorage(options: StorageOptions): StorageChoice {
  const base =
    options.kind === 'sqlite'
      ? getRxStorageSqlite({
          databaseDir: path.join(options.dataDir, 'db'),
          nativeBinding: options.nativeBinding,
          // database.ts derives the RxDB name from the data folder's path string, so the same
          // folder reached by another path (relative, moved, symlinked) would get another name. The
          // folder is already the unit of isolation: one desk database per folder, one fixed file.
          fileName: () => DESK_DATABASE_FILE,
        })
      : getRxStorageMemory();
  return {
    kind: options.kind,
    storage: wrappedValidateAjvStorage({
      storage: base as RxStorage<unknown, unknown>,
    }) as RxStorage<unknown, unknown>,
  };
}
