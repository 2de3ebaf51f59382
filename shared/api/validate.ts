import type { z } from 'zod';
import { AppError } from './errors';

/** zod issues → `{ 'path.to.field': 'Persian message' }` (first message per field). */
export function issuesToFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= persianIssueMessage(issue);
  }
  return fields;
}

/**
 * zod's own messages are English; schemas in this project give Persian messages for what people
 * type. This fallback covers the rest (wrong types from a buggy or hostile caller).
 */
function persianIssueMessage(issue: z.core.$ZodIssue): string {
  if (/[\u0600-\u06ff]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return 'مقدار این فیلد از نوع درست نیست.';
    case 'too_big':
      return 'مقدار این فیلد بیش از حد مجاز است.';
    case 'too_small':
      return 'مقدار این فیلد کمتر از حد مجاز است.';
    case 'unrecognized_keys':
      return 'فیلد ناشناخته فرستاده شده است.';
    default:
      return 'مقدار این فیلد معتبر نیست.';
  }
}

/** Parses `value` with `schema` or throws an `invalid` AppError with per-field messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = issuesToFields(parsed.error.issues);
  const first = Object.values(fields)[0];
  throw new AppError('invalid', first ?? undefined, { fields });
}
