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

/** A center document as version 0 stored it. */
export function centerV0Doc(): Record<string, unknown> {
  const at = '2026-01-01T00:00:00.000Z';
  return {
    id: 'c',
    centerId: 'c',
    createdAt: at,
    updatedAt: at,
    updatedBy: 's',
    deviceId: 'd',
    name: 'کلینیک نمونه',
    type: 'clinic',
    city: '',
    address: '',
    phones: [],
    location: null,
    mapUrl: '',
    social: {},
    bookingRules: '',
    cancellationRules: '',
    selfCancellation: { enabled: false, minNoticeHours: 24 },
    weekend: [6],
    moneyUnit: 'toman',
    modules: [],
    rightsByKind: {},
    gallery: [],
  };
}
