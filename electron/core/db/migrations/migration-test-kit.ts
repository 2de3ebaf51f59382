/** Builds a desk database with a collection at an older schema version, for migration tests. */
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
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
  await db.addCollections({ [collection]: { schema: schema as RxJsonSchema<unknown> } } as never);
  await db.collections[collection]!.bulkInsert(docs as never[]);
  await db.close();
}
