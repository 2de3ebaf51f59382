/** Builds a desk database with a collection at an older schema version, for migration tests. */
import { addRxPlugin, createRxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { databaseNameFor } from '../database';
import { createStorage } from '../storage';

/** `current` without the fields a later version added: the earlier version's schema. */
export function schemaWithout(
  current: { properties: Record<string, unknown>; required: string[] } & Record<string, unknown>,
  added: Record<string, unknown>,
  version: number,
  indexes?: string[][],
) {
  const properties = { ...current.properties };
  for (const field of Object.keys(added)) delete properties[field];
  return {
    ...current,
    version,
    properties,
    required: current.required.filter((f) => !(f in added)),
    ...(indexes ? { indexes } : {}),
  };
}

export async function writeOldVersion(
  dataDir: string,
  collection: string,
  schema: object,
  docs: object[],
): Promise<void> {
  const db = await createRxDatabase({
    name: databaseNameFor(dataDir),
    storage: createStorage({ kind: 'sqlite', dataDir }).storage,
    multiInstance: false,
  });
  // An older version above 0 was itself reached by migrations; no documents need them here.
  addRxPlugin(RxDBMigrationSchemaPlugin);
  const version = (schema as { version: number }).version;
  const migrationStrategies = Object.fromEntries(
    Array.from({ length: version }, (_, i) => [i + 1, (d: unknown) => d]),
  );
  await db.addCollections({
    [collection]: { schema: schema as RxJsonSchema<unknown>, migrationStrategies },
  } as never);
  await db.collections[collection]!.bulkInsert(docs as never[]);
  await db.close();
}
