/** Checking a form with a contract schema before anything is sent. */
import type { z } from 'zod';
import { issuesToFields } from '../../../../shared/api/validate';
import { PortalError } from './errors';

export const CHECK_FORM_MESSAGE = 'لطفاً موارد مشخص‌شده را اصلاح کنید.';

/**
 * Parses `values` with `schema`: the output to send, or a PortalError whose fields carry the
 * schema's Persian messages (the same ones the server would answer with).
 */
export function checkForm<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { data: z.output<S>; error?: undefined } | { data?: undefined; error: PortalError } {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data };
  const fields = issuesToFields(result.error.issues);
  return { error: new PortalError('invalid', CHECK_FORM_MESSAGE, 0, { fields }) };
}

/** Adds field messages found in the page (e.g. the age check) to a form's error. */
export function withFieldProblems(
  error: PortalError | null,
  problems: Record<string, string | null>,
): PortalError | null {
  const extra = Object.fromEntries(
    Object.entries(problems).filter((entry): entry is [string, string] => entry[1] !== null),
  );
  if (Object.keys(extra).length === 0) return error;
  const fields = { ...extra, ...(error?.fields ?? {}) };
  return new PortalError('invalid', CHECK_FORM_MESSAGE, 0, { ...(error?.details ?? {}), fields });
}
