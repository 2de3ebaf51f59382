import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { StaffView } from '../../../../shared/api/setup';
import type { Appointment } from '../../../../shared/domain/appointments';
import type { CatalogItem } from '../../../../shared/domain/catalog';
import type { Patient } from '../../../../shared/domain/patients';
import { staffFullName } from '../../../../shared/domain/staff';
import { servicesOf } from '../../hooks/use-people';
import { longDate, timeRange } from '../../lib/appointments';
import { bridge } from '../../lib/bridge';
import { formMessage, problemOf, withoutField, type FormProblem } from '../../lib/errors';
import { PatientPicker } from '../patients/PatientPicker';
import { PackageChoice } from './PackageChoice';
import { emptySelectProps } from '../../lib/inputs';

export interface BookingDraft {
  providerId: string;
  date: string;
  start: number;
  serviceId: string;
  patient: Patient | null;
  /** A package to book a session of, when the booking started from one. */
  packageId?: string;
}

/** Length of a booking without a service. */
export const DEFAULT_DURATION_MIN = 15;

/** Books a free time: who (found by typing, or registered here), which service, which package. */
export function BookingDialog({
  draft,
  providers,
  services,
  onClose,
  onDone,
}: {
  draft: BookingDraft;
  providers: StaffView[];
  services: CatalogItem[];
  onClose(): void;
  onDone(saved: Appointment, patient: Patient): void;
}) {
  const provider = providers.find((p) => p.id === draft.providerId);
  const offered = servicesOf(provider, services);
  const [patient, setPatient] = useState<Patient | null>(draft.patient);
  const [serviceId, setServiceId] = useState(draft.serviceId);
  const [packageId, setPackageId] = useState<string | null>(draft.packageId ?? null);
  const [notes, setNotes] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const service = services.find((s) => s.id === serviceId);
  const duration = service?.durationMin || DEFAULT_DURATION_MIN;
  const end = draft.start + duration;

  const submit = async () => {
    if (!patient) {
      setProblem({ message: '', fields: { patientId: 'بیمار را پیدا یا ثبت کنید.' } });
      return;
    }
    setBusy(true);
    try {
      const saved = await bridge.call('appointments.book', {
        patientId: patient.id,
        providerId: draft.providerId,
        serviceId,
        date: draft.date,
        start: draft.start,
        end,
        notes,
        packageId: packageId ?? '',
      });
      onDone(saved, patient);
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  };
  const message = formMessage(problem, ['patientId', 'serviceId', 'packageId', 'notes']);

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="book-title">
      <DialogTitle id="book-title">نوبت تازه</DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', flexDirection: 'column', gap: 2.5 }}>
        <Typography data-testid="booking-when">
          {provider ? staffFullName(provider) : ''} — {longDate(draft.date)}، ساعت{' '}
          <span dir="ltr">{timeRange(draft.start, end)}</span>
        </Typography>
        {message && (
          <Alert severity="error" role="alert">
            {message}
          </Alert>
        )}
        <PatientPicker
          value={patient}
          onChange={(p) => {
            setPatient(p);
            setPackageId(null);
            setProblem((old) => withoutField(old, 'patientId'));
          }}
          autoFocus={!patient}
          error={!!problem?.fields.patientId}
          helperText={problem?.fields.patientId}
        />
        <TextField
          select
          name="serviceId"
          label="خدمت"
          slotProps={emptySelectProps}
          value={serviceId}
          onChange={(e) => {
            setServiceId(e.target.value);
            setPackageId(null);
            setProblem((old) => withoutField(withoutField(old, 'serviceId'), 'packageId'));
          }}
          error={!!problem?.fields.serviceId}
          helperText={
            problem?.fields.serviceId ??
            `مدت نوبت از خدمت می‌آید: ${duration.toLocaleString('fa-IR')} دقیقه`
          }
        >
          <MenuItem value="">
            بدون خدمت مشخص ({DEFAULT_DURATION_MIN.toLocaleString('fa-IR')} دقیقه)
          </MenuItem>
          {offered.map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {s.name} ({s.durationMin.toLocaleString('fa-IR')} دقیقه)
            </MenuItem>
          ))}
        </TextField>
        {patient && serviceId && (
          <PackageChoice
            patientId={patient.id}
            serviceId={serviceId}
            value={packageId}
            onChange={setPackageId}
            error={problem?.fields.packageId}
          />
        )}
        <TextField
          name="notes"
          label="یادداشت"
          multiline
          minRows={1}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          error={!!problem?.fields.notes}
          helperText={problem?.fields.notes}
        />
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose}>انصراف</Button>
        <Button variant="contained" disabled={busy} onClick={() => void submit()}>
          ثبت نوبت
        </Button>
      </DialogActions>
    </Dialog>
  );
}
