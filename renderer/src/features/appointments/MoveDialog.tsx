import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Appointment } from '../../../../shared/domain/appointments';
import type { Slot } from '../../../../shared/scheduling/slots';
import { todayInTehran } from '../../../../shared/time/dates';
import { JalaliDateField } from '../../components/JalaliDateField';
import { useRights } from '../../hooks/use-rights';
import { longDate, parseTime, timeRange } from '../../lib/appointments';
import { bridge } from '../../lib/bridge';
import { formMessage, problemOf, type FormProblem } from '../../lib/errors';
import { ltrInput } from '../../lib/inputs';
import { SlotPicker } from './SlotPicker';

/**
 * Moves a booking (or a conflict booking) to another free time of the same provider: pick a day,
 * then one of its free times; with the overbook right, any time beside another booking.
 */
export function MoveDialog({
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
  const duration = appointment.end - appointment.start;
  const today = todayInTehran();
  const [date, setDate] = useState(appointment.date < today ? today : appointment.date);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [overbook, setOverbook] = useState(false);
  const [time, setTime] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const canOverbook = useRights().has('appointments.overbook');

  const submit = async () => {
    let start: number | null = slot?.start ?? null;
    if (overbook) {
      start = parseTime(time);
      if (start === null) {
        setProblem({ message: '', fields: { start: 'ساعت را مانند ۱۰:۳۰ بنویسید.' } });
        return;
      }
    }
    if (start === null) {
      setProblem({ message: 'یکی از زمان‌های آزاد را انتخاب کنید.', fields: {} });
      return;
    }
    setBusy(true);
    try {
      onDone(
        await bridge.call('appointments.move', {
          id: appointment.id,
          date,
          start,
          end: start + duration,
          overbook,
        }),
      );
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  };
  const message = formMessage(problem, ['date', 'start']);

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="move-title">
      <DialogTitle id="move-title">جابه‌جایی نوبت {patientName}</DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography color="text.secondary">
          اکنون: {longDate(appointment.date)}، ساعت{' '}
          <span dir="ltr">{timeRange(appointment.start, appointment.end)}</span> (
          {duration.toLocaleString('fa-IR')} دقیقه)
        </Typography>
        {message && (
          <Alert severity="error" role="alert">
            {message}
          </Alert>
        )}
        <Box sx={{ maxWidth: 260 }}>
          <JalaliDateField
            name="date"
            label="روز تازه"
            value={date}
            minDate={today}
            onChange={(v) => {
              if (v) setDate(v);
              setSlot(null);
            }}
            error={!!problem?.fields.date}
            helperText={problem?.fields.date}
          />
        </Box>
        {!overbook && (
          <SlotPicker
            providerId={appointment.providerId}
            date={date}
            durationMin={duration}
            value={slot}
            onChange={setSlot}
          />
        )}
        {canOverbook && (
          <FormControlLabel
            control={<Switch checked={overbook} onChange={(e) => setOverbook(e.target.checked)} />}
            label="نوبت اضافه در زمان دلخواه (کنار نوبت دیگر)"
          />
        )}
        {overbook && (
          <TextField
            name="start"
            label="ساعت شروع"
            placeholder="10:30"
            value={time}
            onChange={(e) => setTime(e.target.value)}
            error={!!problem?.fields.start}
            helperText={problem?.fields.start ?? 'مانند ۱۰:۳۰'}
            slotProps={{ htmlInput: ltrInput }}
            sx={{ maxWidth: 200 }}
          />
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose}>انصراف</Button>
        <Button variant="contained" disabled={busy} onClick={() => void submit()}>
          جابه‌جا کن
        </Button>
      </DialogActions>
    </Dialog>
  );
}
