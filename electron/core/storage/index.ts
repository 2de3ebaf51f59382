/** The better-sqlite3 RxStorage; see rx-storage-sqlite.ts. */
export {
  getRxStorageSqlite,
  type RxStorageSqlite,
  type SqliteStorageOptions,
} from './rx-storage-sqlite';
export {
  RxStorageInstanceSqlite,
  type SqliteInstanceOptions,
  type SqliteStorageInternals,
} from './storage-instance';
export { decodeIndexKey, encodeIndexKey } from './index-key';
export { defaultFileName, type SynchronousLevel } from './sqlite-file';
