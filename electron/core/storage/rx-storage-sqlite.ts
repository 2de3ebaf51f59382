/**
 * `getRxStorageSqlite()`: RxDB's storage interface on better-sqlite3. One SQLite file per RxDB
 * database name inside `databaseDir`, one table per collection; see table-store.ts for the layout
 * and index-key.ts for how index keys keep JavaScript's sort order.
 *
 * This module must not import `electron`: the Electron build only passes `nativeBinding`, the path
 * of a better-sqlite3 addon compiled for Electron's ABI.
 */
import path from 'node:path';
import type { RxStorage, RxStorageInstanceCreationParams } from 'rxdb';
import { ensureRxStorageInstanceParamsAreCorrect, randomToken, RXDB_VERSION } from 'rxdb';
import { acquireFile, defaultFileName, releaseFile, type SynchronousLevel } from './sqlite-file';
import {
  RxStorageInstanceSqlite,
  type SqliteInstanceOptions,
  type SqliteStorageInternals,
} from './storage-instance';
import { acquireTable } from './table-store';

export interface SqliteStorageOptions {
  /** Folder holding one `.sqlite` file per RxDB database; created if missing. */
  databaseDir?: string;
  /** Keep everything in memory (tests): data lives as long as the storage object's process. */
  inMemory?: boolean;
  /** Passed to better-sqlite3's `nativeBinding`: an addon built for Electron's ABI. */
  nativeBinding?: string;
  /** `FULL` (default) survives a power cut; `NORMAL` only a crashed process. See sqlite-file.ts. */
  synchronous?: SynchronousLevel;
  /** Maps a database name to its file name inside `databaseDir` (default: a safe encoding). */
  fileName?: (databaseName: string) => string;
}

export type RxStorageSqlite = RxStorage<SqliteStorageInternals, SqliteInstanceOptions> & {
  readonly settings: Readonly<SqliteStorageOptions>;
};

export function getRxStorageSqlite(options: SqliteStorageOptions = {}): RxStorageSqlite {
  if (!options.inMemory && !options.databaseDir) {
    throw new Error('getRxStorageSqlite: set databaseDir, or inMemory: true');
  }
  const databaseDir = options.databaseDir ? path.resolve(options.databaseDir) : null;
  const synchronous = options.synchronous ?? 'FULL';
  const fileName = options.fileName ?? defaultFileName;
  // In memory mode each storage object has its own databases, like separate folders would.
  const memoryToken = randomToken(12);

  return {
    name: 'clinic-sqlite',
    rxdbVersion: RXDB_VERSION,
    settings: options,
    async createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, SqliteInstanceOptions>,
    ): Promise<RxStorageInstanceSqlite<RxDocType>> {
      ensureRxStorageInstanceParamsAreCorrect(params);
      const filePath =
        options.inMemory || !databaseDir
          ? null
          : path.join(databaseDir, fileName(params.databaseName));
      const file = acquireFile({
        filePath,
        key: filePath ?? `memory:${memoryToken}:${params.databaseName}`,
        nativeBinding: options.nativeBinding,
        synchronous,
      });
      try {
        const store = acquireTable(file, params.collectionName, params.schema as never);
        return new RxStorageInstanceSqlite<RxDocType>(
          params.databaseName,
          params.collectionName,
          params.schema,
          params.options,
          file,
          store,
        );
      } catch (error) {
        releaseFile(file);
        throw error;
      }
    },
  };
}
