/**
 * Fields every synced document carries, and the derivation of RxDB JSON schemas from zod, so each
 * collection's shape is written once (in zod) and RxDB's schema follows from it.
 */
import { z } from 'zod';

/** Max length of ids (UUIDv7 is 36 characters). */
export const ID_MAX = 40;

export const idField = z.string().min(1).max(ID_MAX);

/** `id`, `centerId`, `createdAt`, `updatedAt` (UTC ISO), `updatedBy` (staff id) and `deviceId`. */
export const baseDocShape = {
  id: idField,
  centerId: idField,
  createdAt: z.string().max(30),
  updatedAt: z.string().max(30),
  updatedBy: idField,
  deviceId: idField,
};

export interface RxSchemaOptions {
  title: string;
  description?: string;
  /** Bumped on every change of the shape; each bump needs a migration strategy and a test. */
  version: number;
  /** Compound indexes as field lists; every field must be required and bounded. */
  indexes?: string[][];
}

/** RxDB's JSON schema for a collection whose documents have the shape of `schema`. */
export function toRxJsonSchema(schema: z.ZodObject, options: RxSchemaOptions) {
  const json = z.toJSONSchema(schema, { target: 'draft-07', io: 'output' }) as {
    properties: Record<string, unknown>;
    required?: string[];
  };
  // RxDB needs bounds on indexed fields: maxLength on strings (enums get their longest value's
  // length) and multipleOf on integers.
  const properties: Record<string, Record<string, unknown>> = {};
  for (const [name, raw] of Object.entries(json.properties)) {
    const prop = { ...(raw as Record<string, unknown>) };
    if (Array.isArray(prop.enum) && prop.maxLength === undefined) {
      prop.maxLength = Math.max(...prop.enum.map((v) => String(v).length));
    }
    if (prop.type === 'integer' && prop.multipleOf === undefined) prop.multipleOf = 1;
    properties[name] = prop;
  }
  return {
    title: options.title,
    description: options.description,
    version: options.version,
    primaryKey: 'id',
    type: 'object' as const,
    properties,
    required: json.required ?? [],
    indexes: options.indexes ?? [],
  };
}
