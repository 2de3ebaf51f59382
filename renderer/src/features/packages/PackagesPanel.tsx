import { useState } from 'react';
import { useNavigate } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumberOutlined';
import type { PackageView } from '../../../../shared/api/appointments';
import type { Patient } from '../../../../shared/domain/patients';
import { EmptyState } from '../../components/EmptyState';
import { useCall } from '../../hooks/use-call';
import { useRights } from '../../hooks/use-rights';
import { faNumber, jalaliDate } from '../../lib/format';
import { moneyText } from '../../lib/money';
import { useNotify } from '../../state/notify-store';
import { SellPackageDialog } from './SellPackageDialog';

function PackageCard({ pkg, onBook }: { pkg: PackageView; onBook?(): void }) {
  const unit = useCall('center.get', {}, ['center']).data?.center?.moneyUnit ?? 'toman';
  const { used, booked, left, noShows, expired } = pkg.usage;
  const active = pkg.status === 'active' && !expired;
  const count = (label: string, n: number, testId: string) => (
    <Box sx={{ textAlign: 'center', minWidth: 64 }}>
      <Typography sx={{ fontSize: 22, fontWeight: 700 }} data-testid={testId}>
        {faNumber.format(n)}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
    </Box>
  );
  return (
    <Paper
      variant="outlined"
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}
      data-testid="package-card"
      aria-label={pkg.title}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography sx={{ fontWeight: 700, flexGrow: 1 }}>{pkg.title}</Typography>
        {pkg.status === 'cancelled' ? (
          <Chip size="small" label="لغو شده" />
        ) : expired ? (
          <Chip size="small" color="warning" label="منقضی" />
        ) : (
          <Chip size="small" color="success" variant="outlined" label="فعال" />
        )}
      </Box>
      <Box sx={{ display: 'flex', justifyContent: 'space-around' }}>
        {count('انجام‌شده', used, 'package-used')}
        {count('رزرو شده', booked, 'package-booked')}
        {count('مانده', left, 'package-left')}
      </Box>
      <LinearProgress
        variant="determinate"
        value={(used / pkg.sessions) * 100}
        aria-label="پیشرفت جلسات"
      />
      <Typography variant="body2" color="text.secondary">
        {faNumber.format(pkg.sessions)} جلسه · {moneyText(pkg.priceRial, unit)} · فروش{' '}
        {jalaliDate(pkg.soldOn)}
        {pkg.validUntil ? ` · اعتبار تا ${jalaliDate(pkg.validUntil)}` : ' · بدون انقضا'}
        {noShows > 0 ? ` · ${faNumber.format(noShows)} غیبت` : ''}
      </Typography>
      {onBook && active && left > 0 && (
        <Button
          size="small"
          variant="outlined"
          startIcon={<EventAvailableIcon />}
          onClick={onBook}
          sx={{ alignSelf: 'flex-start' }}
        >
          نوبت جلسهٔ بعد
        </Button>
      )}
    </Paper>
  );
}

/** A patient's session packages (used, booked, left, expiry), selling one and booking a session. */
export function PackagesPanel({ patient }: { patient: Patient }) {
  const { data, error } = useCall('packages.list', { patientId: patient.id }, [
    'packages',
    'appointments',
    'catalog',
  ]);
  const rights = useRights();
  const navigate = useNavigate();
  const notify = useNotify((s) => s.notify);
  const [selling, setSelling] = useState(false);
  const canSell = rights.has('packages.sell');
  const canBook = rights.has('appointments.book');
  const book = (pkg: PackageView) =>
    navigate(`/desk?patient=${patient.id}&package=${pkg.id}&service=${pkg.serviceId}`);

  const sellButton = canSell && (
    <Button variant="contained" startIcon={<AddIcon />} onClick={() => setSelling(true)}>
      فروش بستهٔ تازه
    </Button>
  );
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center' }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          بسته‌های جلسه‌ای
        </Typography>
        {data && data.length > 0 && sellButton}
      </Box>
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && data.length === 0 && (
        <Paper variant="outlined">
          <EmptyState
            icon={<ConfirmationNumberIcon color="disabled" sx={{ fontSize: 44 }} />}
            title="بسته‌ای خریده نشده است"
            text="برای درمان‌های چندجلسه‌ای (مانند فیزیوتراپی) بسته بفروشید؛ هر نوبتِ این خدمت یک جلسه از بسته کم می‌کند و جلسه‌های مانده همین‌جا دیده می‌شود."
            action={sellButton}
          />
        </Paper>
      )}
      {data && data.length > 0 && (
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
            gap: 2,
          }}
        >
          {data.map((pkg) => (
            <PackageCard key={pkg.id} pkg={pkg} onBook={canBook ? () => book(pkg) : undefined} />
          ))}
        </Box>
      )}
      {selling && (
        <SellPackageDialog
          patient={patient}
          onClose={() => setSelling(false)}
          onDone={(sold) => {
            setSelling(false);
            notify(`بستهٔ «${sold.title}» فروخته شد.`);
          }}
        />
      )}
    </Box>
  );
}
