import Alert from '@mui/material/Alert';
import { formMessage, type FormProblem } from '../lib/errors';

/** The problem above a form, when none of the form's `fields` shows it. */
export function ProblemAlert({
  problem,
  fields,
}: {
  problem: FormProblem | null;
  fields: readonly string[];
}) {
  const message = formMessage(problem, fields);
  if (!message) return null;
  return (
    <Alert severity="error" role="alert" sx={{ mb: 2 }}>
      {message}
    </Alert>
  );
}
