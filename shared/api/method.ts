import type { z } from 'zod';
import type { PermissionId } from '../auth/rights';

/** Marker carrying a result type at the type level only. */
export interface Returns<T> {
  readonly __result?: T;
}

/** Declares the result type of a method: `result: returns<Patient>()`. */
export function returns<T>(): Returns<T> {
  return {};
}

/**
 * One method of the UI ↔ core contract.
 * - `args`: zod schema of the arguments; the core parses every call with it before the handler runs.
 * - `write`: writes run one at a time through the core's write queue.
 * - `permission`: the right the acting staff member needs (enforced by the core).
 * - `public`: callable before a staff member has logged in (login itself, status, enrollment).
 */
export interface MethodSpec<A extends z.ZodType = z.ZodType, R = unknown> {
  readonly args: A;
  readonly result: Returns<R>;
  readonly description: string;
  readonly write: boolean;
  readonly permission?: PermissionId;
  readonly public: boolean;
}

export function method<A extends z.ZodType, R>(spec: {
  args: A;
  result: Returns<R>;
  description: string;
  write?: boolean;
  permission?: PermissionId;
  public?: boolean;
}): MethodSpec<A, R> {
  return { ...spec, write: spec.write ?? false, public: spec.public ?? false };
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;

/**
 * Merges the method maps of several domains into one contract. Throws at start-up when two domains
 * declare the same `domain.verb` name, so a clash can never silently replace a method.
 */
export function mergeMethods<D extends Record<string, MethodSpec>[]>(
  ...domains: D
): UnionToIntersection<D[number]> {
  const merged: Record<string, MethodSpec> = {};
  for (const domain of domains) {
    for (const [name, spec] of Object.entries(domain)) {
      if (!/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/.test(name)) {
        throw new Error(`API method name "${name}" is not of the form domain.verb`);
      }
      if (Object.hasOwn(merged, name)) throw new Error(`Duplicate API method "${name}"`);
      merged[name] = spec;
    }
  }
  return merged as UnionToIntersection<D[number]>;
}
