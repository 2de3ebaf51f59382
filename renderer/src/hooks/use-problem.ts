import { useCallback, useState } from 'react';
import { problemOf, withoutField, type FormProblem } from '../lib/errors';

export interface ProblemState {
  problem: FormProblem | null;
  /** Per-field messages: the form's own checks and the core's, by field path. */
  fields: Record<string, string>;
  busy: boolean;
  /** Shows the form's own problems (nothing is sent). */
  refuse(fields: Record<string, string>): void;
  /** Runs a call; what it rejects with lands on the fields (or above the form). */
  run(work: () => Promise<void>): Promise<void>;
  /** The person changed a field: its message goes. */
  clear(field: string): void;
}

/** The state every small form here shares: one problem, one call at a time. */
export function useProblem(): ProblemState {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  }, []);
  const refuse = useCallback(
    (fields: Record<string, string>) => setProblem({ message: '', fields }),
    [],
  );
  // Once the last field it named is changed, the problem (and its message above the form) goes.
  const clear = useCallback(
    (field: string) =>
      setProblem((p) => {
        const next = withoutField(p, field);
        return next !== p && next && Object.keys(next.fields).length === 0 ? null : next;
      }),
    [],
  );
  return { problem, fields: problem?.fields ?? {}, busy, refuse, run, clear };
}
