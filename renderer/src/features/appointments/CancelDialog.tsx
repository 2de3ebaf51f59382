import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import type { Appointment } from '../../../../shared/domain/appointments';
import { bridge } from '../../lib/bridge';
import { formMessage, problemOf, withoutField, type FormProblem } from '../../lib/errors';
import { longDate, timeRange } from '../../lib/appointments';

/** Cancels a booking; the reason is required (it stays in the booking and the change log). */
export function CancelDialog({
  appointment,
  patientName,
  onClose,
  onDone,
}: {
  appointment: Appointment;
  patientName: string;
  onClose(): void;
  onDone(saved: Appointment): void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!reason.trim()) {
      setProblem({ message: '', fields: { reason: 'دلیل لغو را بنویسید.' } });
      return;
    }
    setBusy(true);
    try {
      onDone(await bridge.call('appointments.cancel', { id: appointment.id, reason }));
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  };
  const message = formMessage(problem, ['reason']);

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="cancel-title">
      <DialogTitle id="cancel-title">لغو نوبت {patientName}</DialogTitle>
      <DialogContent dividers>
        <DialogContentText sx={{ mb: 2 }}>
          {longDate(appointment.date)}، ساعت{' '}
          <span dir="ltr">{timeRange(appointment.start, appointment.end)}</span>. زمان این نوبت برای
          دیگران آزاد می‌شود.
        </DialogContentText>
        {message && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {message}
          </Alert>
        )}
        <TextField
          name="reason"
          label="دلیل لغو"
          required
          autoFocus
          multiline
          minRows={2}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setProblem((p) => withoutField(p, 'reason'));
          }}
          error={!!problem?.fields.reason}
          helperText={problem?.fields.reason ?? 'مثلاً: بیمار تماس گرفت و نمی‌تواند بیاید'}
        />
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose}>انصراف</Button>
        <Button variant="contained" color="error" disabled={busy} onClick={() => void submit()}>
          لغو نوبت
        </Button>
      </DialogActions>
    </Dialog>
  );
}
