/**
 * The collections this server replicates. By default the shared {@link SYNCED_COLLECTIONS}; tests
 * may pass another registry (RxDB's 'human' test collection, whose documents carry no `centerId`).
 */
import { z } from 'zod';
import { SYNCED_COLLECTIONS } from '../../../shared/sync/collections';

export interface ServerCollection {
  /** The stored document shape; made strict (deeply) before it checks a push. */
  docSchema: z.ZodType;
  /** RxDB's schema; only its `primaryKey` is read here. */
  rxSchema?: { primaryKey: string };
  /**
   * `document` (the default): every document carries `centerId`, and `updatedBy` names the acting
   * staff member. `device`: documents carry neither; the device's center scopes them and no actor
   * is checked (test collections only).
   */
  centerScope?: 'document' | 'device';
}

export type CollectionRegistry = Record<string, ServerCollection>;

export const DEFAULT_REGISTRY: CollectionRegistry = SYNCED_COLLECTIONS;

/** A registry entry prepared for checking pushes. */
export interface PreparedCollection {
  name: string;
  primaryKey: string;
  centerScope: 'document' | 'device';
  strictSchema: z.ZodType;
}

/** Collection names go into URL paths; keep them to what RxDB allows and paths need no escaping. */
const COLLECTION_NAME = /^[a-z][a-z0-9_-]{0,63}$/;

export function prepareRegistry(registry: CollectionRegistry): Map<string, PreparedCollection> {
  const prepared = new Map<string, PreparedCollection>();
  for (const [name, entry] of Object.entries(registry)) {
    if (!COLLECTION_NAME.test(name)) throw new Error(`Bad collection name: ${name}`);
    prepared.set(name, {
      name,
      primaryKey: entry.rxSchema?.primaryKey ?? 'id',
      centerScope: entry.centerScope ?? 'document',
      strictSchema: deepStrict(entry.docSchema),
    });
  }
  return prepared;
}

/**
 * The same schema with every object (nested ones too) refusing unknown keys. Refinements are kept:
 * the object is cloned with its definition, only the catch-all changes.
 */
export function deepStrict(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.ZodType> = {};
    for (const [key, value] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      shape[key] = deepStrict(value);
    }
    return schema.clone({ ...schema._zod.def, shape, catchall: z.never() });
  }
  if (schema instanceof z.ZodNullable) {
    return schema.clone({
      ...schema._zod.def,
      innerType: deepStrict(schema.unwrap() as z.ZodType),
    });
  }
  if (schema instanceof z.ZodOptional) {
    return schema.clone({
      ...schema._zod.def,
      innerType: deepStrict(schema.unwrap() as z.ZodType),
    });
  }
  if (schema instanceof z.ZodArray) {
    const element = deepStrict(schema.element as z.ZodType);
    return schema.clone({ ...schema._zod.def, element });
  }
  return schema;
}
