import { createHash } from 'node:crypto';
import { addRxPlugin, createRxDatabase, type RxCollectionCreator, type RxDatabase } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { collectionSchemas, type ClinicCollections } from './collections';
import { createStorage, type StorageKind } from './storage';

export type ClinicDatabase = RxDatabase<ClinicCollections>;

let devModeAdded = false;

/** Adds RxDB's dev-mode checks (schema and query sanity) once per process; used by tests. */
function enableDevMode(): void {
  if (devModeAdded) return;
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
  devModeAdded = true;
}

export interface OpenDatabaseOptions {
  dataDir: string;
  storage: StorageKind;
  nativeBinding?: string;
  devMode?: boolean;
}

/** Opens (or creates) the desk's database with every collection. */
export async function openDatabase(
  options: OpenDatabaseOptions,
): Promise<{ db: ClinicDatabase; storageKind: StorageKind }> {
  if (options.devMode) enableDevMode();
  const choice = createStorage({
    kind: options.storage,
    dataDir: options.dataDir,
    nativeBinding: options.nativeBinding,
  });
  // The name only has to be unique per data folder within one process (memory storage shares state
  // by name, closeDuplicates closes a same-named database). It must stay lowercase letters and
  // digits (RxDB's rule for names); the sqlite storage does not turn it into a file name: every data
  // folder holds one fixed file, `db/desk.sqlite` (see storage.ts).
  const name = `desk${createHash('sha256').update(options.dataDir).digest('hex').slice(0, 16)}`;
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
      Object.entries(collectionSchemas).map(([collection, schema]) => [collection, { schema }]),
    ) as Record<keyof ClinicCollections, RxCollectionCreator>,
  );
  return { db, storageKind: choice.kind };
}
