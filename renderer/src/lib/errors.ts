import { BridgeError } from '../../../shared/api/bridge-error';

export interface FormProblem {
  /** The core's error code, when the problem came from a call. */
  code?: string;
  /** Shown above the form when no field holds it. */
  message: string;
  /** Core field path → Persian message. */
  fields: Record<string, string>;
}

/** Anything a call rejected with, as a message and per-field messages. */
export function problemOf(error: unknown): FormProblem {
  if (error instanceof BridgeError)
    return { code: error.code, message: error.message, fields: error.fields };
  return { message: 'کار انجام نشد. دوباره تلاش کنید.', fields: {} };
}

/** The message above a form: only when none of `shown` fields carries the problem. */
export function formMessage(problem: FormProblem | null, shown: readonly string[]): string | null {
  if (!problem) return null;
  return Object.keys(problem.fields).some((f) => shown.includes(f)) ? null : problem.message;
}

/** The problem without a field's message (the person changed that field). */
export function withoutField(problem: FormProblem | null, field: string): FormProblem | null {
  if (!problem || !(field in problem.fields)) return problem;
  const { [field]: _gone, ...fields } = problem.fields;
  return { ...problem, fields };
}
