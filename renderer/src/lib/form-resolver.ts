/**
 * Form validation with the shared zod schemas when the form's values are not the schema's input
 * (amounts typed in Toman with separators, coordinates as text, phones as rows): the form converts
 * its values, the shared schema decides, and each issue lands on the field that holds it.
 */
import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import type { BridgeError } from '../../../shared/api/bridge-error';

export interface SchemaResolverOptions<V> {
  /** The form's values → the schema's input. */
  toInput(values: V): unknown;
  /** Checks only the form can make (text that is not a number): field path → message. */
  precheck?(values: V): Record<string, string>;
  /** The form field for an issue path of the schema (`phones.1` → `phones.1.value`). */
  fieldOf?(path: string): string;
}

export function schemaResolver<V extends FieldValues, S extends z.ZodType>(
  schema: S,
  options: SchemaResolverOptions<V>,
): Resolver<V, unknown, z.output<S>> {
  return async (values, _context, resolverOptions) => {
    const messages: Record<string, string> = { ...options.precheck?.(values) };
    const result = schema.safeParse(options.toInput(values));
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = issue.path.map(String).join('.');
        const field = options.fieldOf ? options.fieldOf(path) : path;
        messages[field] ??= issue.message;
      }
    }
    if (result.success && Object.keys(messages).length === 0) {
      return { values: result.data as z.output<S>, errors: {} };
    }
    const flat: Record<string, FieldError> = {};
    for (const [field, message] of Object.entries(messages)) {
      flat[field] = { type: 'validate', message };
    }
    return { values: {}, errors: toNestErrors(flat, resolverOptions) };
  };
}

/**
 * Puts the core's per-field messages on the form's fields. Returns false when none of them
 * belongs to a field of this form (the caller then shows the error's message above the form).
 */
export function placeServerErrors<V extends FieldValues>(
  error: BridgeError,
  setError: UseFormSetError<V>,
  fields: readonly string[],
  fieldOf: (path: string) => string = (p) => p,
): boolean {
  let placed = false;
  for (const [path, message] of Object.entries(error.fields)) {
    const field = fieldOf(path);
    if (fields.some((f) => field === f || field.startsWith(`${f}.`))) {
      setError(field as Path<V>, { type: 'server', message });
      placed = true;
    }
  }
  return placed;
}
