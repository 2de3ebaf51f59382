import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import EditIcon from '@mui/icons-material/EditOutlined';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import type { Patient } from '../../../../shared/domain/patients';
import { ageOn, todayInTehran } from '../../../../shared/time/dates';
import { useCall } from '../../hooks/use-call';
import { useRights } from '../../hooks/use-rights';
import { faNumber, genderText, jalaliDate, mobileText, ltr } from '../../lib/format';
import { useNotify } from '../../state/notify-store';
import { PackagesPanel } from '../packages/PackagesPanel';
import { PatientAccount } from '../cashier/PatientAccount';
import { PatientAppointments } from './PatientAppointments';
import { PatientDialog } from './PatientDialog';

function Fact({ label, value, ltr }: { label: string; value: string; ltr?: boolean }) {
  return (
    <Box sx={{ minWidth: 150 }}>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography dir={ltr ? 'ltr' : undefined} sx={{ textAlign: 'start' }}>
        {value || '—'}
      </Typography>
    </Box>
  );
}

function PersonLink({ p, note }: { p: Patient; note?: string }) {
  return (
    <Box component="li">
      <Link component={RouterLink} to={`/patients/${p.id}`}>
        {p.firstName} {p.lastName}
      </Link>
      {note && (
        <Typography component="span" color="text.secondary">
          {' '}
          ({note})
        </Typography>
      )}
    </Box>
  );
}

/** A patient's file: who they are, their bookings, packages and the people booked with them. */
export function PatientFilePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const notify = useNotify((s) => s.notify);
  const rights = useRights();
  const [editing, setEditing] = useState(false);
  const { data, error } = useCall('patients.file', { id }, [
    'patients',
    'appointments',
    'packages',
  ]);

  if (error) {
    return (
      <Alert
        severity="error"
        action={<Button onClick={() => navigate('/patients')}>فهرست بیماران</Button>}
      >
        {error.message}
      </Alert>
    );
  }
  if (!data) return null;
  const p = data.patient;
  const today = todayInTehran();
  const upcoming = data.appointments
    .filter(
      (a) => a.date >= today && ['booked', 'held', 'conflict', 'checked-in'].includes(a.status),
    )
    .sort((a, b) => a.date.localeCompare(b.date) || a.start - b.start);
  const past = data.appointments.filter((a) => !upcoming.includes(a));

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Button startIcon={<ArrowForwardIcon />} onClick={() => navigate('/patients')}>
          بیماران
        </Button>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          پروندهٔ {p.firstName} {p.lastName}
          {p.fileNumber && (
            <Chip
              label={`شمارهٔ پرونده ${ltr(p.fileNumber)}`}
              size="small"
              sx={{ mx: 1.5 }}
              data-testid="file-number"
            />
          )}
        </Typography>
        {rights.has('patients.edit') && (
          <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setEditing(true)}>
            ویرایش مشخصات
          </Button>
        )}
        {rights.has('appointments.book') && (
          <Button
            variant="contained"
            startIcon={<EventAvailableIcon />}
            onClick={() => navigate(`/desk?patient=${p.id}`)}
          >
            نوبت تازه
          </Button>
        )}
      </Box>
      <Paper variant="outlined" component="section" aria-label="مشخصات" sx={{ p: 2.5 }}>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }}>
          <Fact label="کد ملی" value={p.nationalId} />
          <Fact label="همراه" value={mobileText(p.mobile)} />
          <Fact label="جنسیت" value={genderText(p.gender)} />
          <Fact
            label="تاریخ تولد"
            value={
              p.birthDate
                ? `${jalaliDate(p.birthDate)} (${faNumber.format(ageOn(p.birthDate, today))} سال)`
                : ''
            }
          />
          <Fact label="شمارهٔ پرونده" value={ltr(p.fileNumber)} />
          {p.notes && <Fact label="یادداشت" value={p.notes} />}
        </Box>
        {(data.bookedBy || data.dependants.length > 0) && (
          <Box sx={{ mt: 2, display: 'flex', gap: 4, flexWrap: 'wrap' }}>
            {data.bookedBy && (
              <Box>
                <Typography variant="subtitle2">نوبت را گرفته است</Typography>
                <Box component="ul" sx={{ m: 0, pl: 0, pr: 2 }}>
                  <PersonLink p={data.bookedBy} note={p.relation || undefined} />
                </Box>
              </Box>
            )}
            {data.dependants.length > 0 && (
              <Box>
                <Typography variant="subtitle2">برای این افراد نوبت گرفته است</Typography>
                <Box component="ul" sx={{ m: 0, pl: 0, pr: 2 }}>
                  {data.dependants.map((d) => (
                    <PersonLink key={d.id} p={d} note={d.relation || undefined} />
                  ))}
                </Box>
              </Box>
            )}
          </Box>
        )}
      </Paper>
      <PatientAppointments
        title="نوبت‌های پیش رو"
        rows={upcoming}
        empty="نوبت آینده‌ای ندارد. با «نوبت تازه» از میز نوبت‌دهی نوبت بگیرید."
      />
      {rights.has('cashier.view') && (
        <PatientAccount patientId={p.id} patientName={`${p.firstName} ${p.lastName}`} />
      )}
      <PackagesPanel patient={p} />
      <PatientAppointments title="سابقهٔ نوبت‌ها" rows={past} empty="هنوز مراجعه‌ای ثبت نشده است." />
      {editing && (
        <PatientDialog
          open
          patient={p}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            notify('تغییرات ذخیره شد.');
          }}
        />
      )}
    </Box>
  );
}
