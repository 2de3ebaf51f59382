/**
 * Checks a push body before anything is stored: the row shape, then every document against its
 * collection's schema made strict. One bad row refuses the whole push with its index and fields.
 */
import { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import { pushBodySchema } from '../../../shared/sync/protocol';
import type { PushRow } from './commit';
import type { PreparedCollection } from './registry';
import { assumedWire } from './wire';

const persian = z.locales.fa().localeError;

const UNKNOWN_FIELD = 'این فیلد در این مجموعه تعریف نشده است.';
const BAD_DELETED = '_deleted باید true یا false باشد.';

/** Field path → Persian message, one per path (the first issue wins). */
export function issueFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const paths =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => [...issue.path, key])
        : [issue.path];
    for (const path of paths) {
      const name = path.map(String).join('.') || '(سند)';
      fields[name] ??= issue.code === 'unrecognized_keys' ? UNKNOWN_FIELD : issue.message;
    }
  }
  return fields;
}

/** Parses `value` with `schema` or throws `invalid` with per-field Persian messages. */
export function parseOrInvalid<T extends z.ZodType>(
  schema: T,
  value: unknown,
  message = 'درخواست معتبر نیست.',
): z.infer<T> {
  const result = schema.safeParse(value, { error: persian });
  if (!result.success) {
    throw new AppError('invalid', message, { fields: issueFields(result.error.issues) });
  }
  return result.data;
}

function rowProblem(index: number, id: unknown, fields: Record<string, string>): AppError {
  const row = (index + 1).toLocaleString('fa-IR');
  return new AppError(
    'invalid',
    `سند ردیف ${row} معتبر نیست؛ هیچ‌یک از تغییرهای این ارسال ذخیره نشد.`,
    { index, id: typeof id === 'string' ? id : null, fields },
  );
}

export function validatePush(collection: PreparedCollection, body: unknown): PushRow[] {
  const rows = parseOrInvalid(
    pushBodySchema,
    body,
    'بدنهٔ ارسال باید فهرستی از ردیف‌های RxDB باشد.',
  );
  return rows.map((row, index) => {
    const { _deleted: deleted, ...data } = row.newDocumentState;
    const id = data[collection.primaryKey];
    if (deleted !== undefined && typeof deleted !== 'boolean') {
      throw rowProblem(index, id, { _deleted: BAD_DELETED });
    }
    const result = collection.strictSchema.safeParse(data, { error: persian });
    if (!result.success) throw rowProblem(index, id, issueFields(result.error.issues));
    if (typeof id !== 'string' || id === '') {
      throw rowProblem(index, id, { [collection.primaryKey]: 'شناسهٔ سند لازم است.' });
    }
    return {
      index,
      id,
      // The pushed fields as sent, not the parser's output: a state the desk compares later must
      // be exactly what it pushed.
      state: { data, deleted: deleted === true },
      assumed: row.assumedMasterState ? assumedWire(row.assumedMasterState) : null,
    };
  });
}
