import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumberOutlined';
import type { Patient } from '../../../../shared/domain/patients';
import { EmptyState } from '../../components/EmptyState';
import { bridge } from '../../lib/bridge';
import { PatientPicker } from '../patients/PatientPicker';
import { PackagesPanel } from './PackagesPanel';

/** Session packages (B4): find a patient, see their packages, sell one, book a session. */
export function PackagesPage() {
  const [params, setParams] = useSearchParams();
  const patientId = params.get('patient') ?? '';
  const [patient, setPatient] = useState<Patient | null>(null);

  useEffect(() => {
    if (!patientId || patient?.id === patientId) return;
    let current = true;
    bridge.call('patients.get', { id: patientId }).then(
      (p) => current && setPatient(p),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [patientId, patient]);

  const choose = (p: Patient | null) => {
    setPatient(p);
    setParams(p ? { patient: p.id } : {}, { replace: true });
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2.5 }}>
      <Typography variant="h5" component="h1">
        بسته‌های جلسه‌ای
      </Typography>
      <Paper variant="outlined" sx={{ p: 2, maxWidth: 720 }}>
        <PatientPicker value={patient} onChange={choose} autoFocus={!patient} />
      </Paper>
      {patient ? (
        <PackagesPanel patient={patient} />
      ) : (
        <EmptyState
          icon={<ConfirmationNumberIcon color="disabled" sx={{ fontSize: 48 }} />}
          title="بیمار را پیدا کنید"
          text="نام، کد ملی یا شمارهٔ همراه بیمار را بنویسید تا بسته‌های او، جلسه‌های انجام‌شده و مانده را ببینید یا بستهٔ تازه بفروشید."
        />
      )}
    </Box>
  );
}
