import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { StaffView } from '../../../../shared/api/setup';
import type { Appointment } from '../../../../shared/domain/appointments';
import type { CatalogItem } from '../../../../shared/domain/catalog';
import type { Patient } from '../../../../shared/domain/patients';
import { staffFullName } from '../../../../shared/domain/staff';
import { servicesOf } from '../../hooks/use-people';
import { bridge } from '../../lib/bridge';
import { formMessage, problemOf, type FormProblem } from '../../lib/errors';
import { PatientPicker } from '../patients/PatientPicker';
import { DEFAULT_DURATION_MIN } from './BookingDialog';
import { emptySelectProps } from '../../lib/inputs';

/** A patient who came without a booking: registered as seen now, checked in at once. */
export function WalkInDialog({
  providers,
  services,
  providerId: initialProvider,
  onClose,
  onDone,
}: {
  providers: StaffView[];
  services: CatalogItem[];
  providerId: string;
  onClose(): void;
  onDone(saved: Appointment, patient: Patient): void;
}) {
  const [patient, setPatient] = useState<Patient | null>(null);
  const [providerId, setProviderId] = useState(initialProvider);
  const [serviceId, setServiceId] = useState('');
  const [notes, setNotes] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const offered = servicesOf(
    providers.find((p) => p.id === providerId),
    services,
  );
  const duration = services.find((s) => s.id === serviceId)?.durationMin || DEFAULT_DURATION_MIN;

  const submit = async () => {
    const fields: Record<string, string> = {};
    if (!patient) fields.patientId = 'بیمار را پیدا یا ثبت کنید.';
    if (!providerId) fields.providerId = 'ارائه‌دهنده را انتخاب کنید.';
    if (!patient || !providerId) {
      setProblem({ message: '', fields });
      return;
    }
    setBusy(true);
    try {
      const saved = await bridge.call('appointments.walkIn', {
        patientId: patient.id,
        providerId,
        serviceId,
        durationMin: duration,
        notes,
      });
      onDone(saved, patient);
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  };
  const message = formMessage(problem, ['patientId', 'providerId', 'serviceId', 'notes']);

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="walkin-title">
      <DialogTitle id="walkin-title">پذیرش بدون نوبت</DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', flexDirection: 'column', gap: 2.5 }}>
        <DialogContentText>
          بیمار همین حالا پذیرش می‌شود و میان نوبت‌ها دیده می‌شود؛ زمان بیماران نوبت‌دار را
          نمی‌گیرد.
        </DialogContentText>
        {message && (
          <Alert severity="error" role="alert">
            {message}
          </Alert>
        )}
        <PatientPicker
          value={patient}
          onChange={setPatient}
          autoFocus
          error={!!problem?.fields.patientId}
          helperText={problem?.fields.patientId}
        />
        <TextField
          select
          name="providerId"
          label="ارائه‌دهنده"
          required
          value={providerId}
          onChange={(e) => {
            setProviderId(e.target.value);
            setServiceId('');
          }}
          error={!!problem?.fields.providerId}
          helperText={problem?.fields.providerId}
        >
          {providers.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {staffFullName(p)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          name="serviceId"
          label="خدمت"
          slotProps={emptySelectProps}
          value={serviceId}
          onChange={(e) => setServiceId(e.target.value)}
          error={!!problem?.fields.serviceId}
          helperText={problem?.fields.serviceId ?? `${duration.toLocaleString('fa-IR')} دقیقه`}
        >
          <MenuItem value="">بدون خدمت مشخص</MenuItem>
          {offered.map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {s.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          name="notes"
          label="یادداشت"
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose}>انصراف</Button>
        <Button variant="contained" disabled={busy} onClick={() => void submit()}>
          پذیرش
        </Button>
      </DialogActions>
    </Dialog>
  );
}
