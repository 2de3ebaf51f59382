import { createHash } from 'node:crypto';
import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxCollectionCreator,
  type RxDatabase,
} from 'rxdb';
import type { SyncedCollectionName } from '../../../shared/sync/collections';
import type { ConflictLog } from '../sync/conflict-log';
import { mergeConflictHandler } from '../sync/merge';
import { MERGE_RULES } from '../sync/merge-rules';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { MIGRATIONS } from './migrations';
import { collectionSchemas, type ClinicCollections } from './collections';
import { createStorage, type StorageKind } from './storage';

export type ClinicDatabase = RxDatabase<ClinicCollections>;

let devModeAdded = false;
let migrationAdded = false;

function addMigrationPlugin(): void {
  if (migrationAdded) return;
  addRxPlugin(RxDBMigrationSchemaPlugin);
  migrationAdded = true;
}

/** Adds RxDB's dev-mode checks (schema and query sanity) once per process; used by tests. */
function enableDevMode(): void {
  if (devModeAdded) return;
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
  devModeAdded = true;
}

export interface OpenDatabaseOptions {
  /** Where the sync conflict handler records edits it had to replace (null: not recorded). */
  conflictLog?: () => ConflictLog | null;
  /** Told of every write made on this desk (not of writes that sync pulls in). */
  onLocalWrite?: (collection: string, doc: { id: string; updatedAt?: string }) => void;
  dataDir: string;
  storage: StorageKind;
  nativeBinding?: string;
  devMode?: boolean;
}

export function databaseNameFor(dataDir: string): string {
  return `desk${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`;
}

/** Opens (or creates) the desk's database with every collection, migrating older documents. */
export async function openDatabase(
  options: OpenDatabaseOptions,
): Promise<{ db: ClinicDatabase; storageKind: StorageKind }> {
  if (options.devMode) enableDevMode();
  addMigrationPlugin();
  const choice = createStorage({
    kind: options.storage,
    dataDir: options.dataDir,
    nativeBinding: options.nativeBinding,
  });
  // The name only has to be unique per data folder within one process (memory storage shares state
  // by name, closeDuplicates closes a same-named database). It must stay lowercase letters and
  // digits (RxDB's rule for names); the sqlite storage does not turn it into a file name: every data
  // folder holds one fixed file, `db/desk.sqlite` (see storage.ts).
  const name = databaseNameFor(options.dataDir);
  const db = await createRxDatabase<ClinicCollections>({
    name,
    storage: choice.storage,
    multiInstance: false,
    eventReduce: true,
    closeDuplicates: true,
    // Counting search results scans when the selector is not fully indexed; lists need the total.
    allowSlowCount: true,
  });
  await db.addCollections(
    Object.fromEntries(
      Object.entries(collectionSchemas).map(([collection, schema]) => [
        collection,
        {
          schema,
          migrationStrategies: MIGRATIONS[collection as SyncedCollectionName] ?? {},
          conflictHandler: mergeConflictHandler(
            collection,
            options.conflictLog ?? (() => null),
            MERGE_RULES[collection as SyncedCollectionName],
          ),
        },
      ]),
    ) as Record<keyof ClinicCollections, RxCollectionCreator>,
  );
  if (options.onLocalWrite) {
    const onLocalWrite = options.onLocalWrite;
    for (const name of Object.keys(collectionSchemas)) {
      const collection = db.collections[name as keyof ClinicCollections] as RxCollection;
      const hook = (data: { id: string; updatedAt?: string }) => onLocalWrite(name, data);
      collection.postInsert(hook, false);
      collection.postSave(hook, false);
      collection.postRemove(hook, false);
    }
  }
  return { db, storageKind: choice.kind };
}
