import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { LicenceState } from '../../../../../shared/domain/licence';
import { useCall } from '../../../hooks/use-call';
import { faNumber, jalaliDateOfInstant } from '../../../lib/format';

const STATE: Record<
  LicenceState,
  { label: string; severity: 'success' | 'warning' | 'error' | 'info' }
> = {
  valid: { label: 'معتبر', severity: 'success' },
  grace: { label: 'در مهلت تمدید', severity: 'warning' },
  expired: { label: 'پایان‌یافته', severity: 'error' },
  invalid: { label: 'نامعتبر', severity: 'error' },
  missing: { label: 'ثبت نشده', severity: 'info' },
};

/** Add-on module ids as the licence names them → what staff call them. */
const MODULE_LABELS: Record<string, string> = {
  appointments: 'نوبت‌دهی',
  portal: 'سایت نوبت‌دهی',
  packages: 'بسته‌های جلسه‌ای',
  shop: 'فروشگاه',
  cashier: 'صندوق',
  inventory: 'انبار',
  sms: 'پیامک',
  insurance: 'بیمه',
  reports: 'گزارش‌ها',
};

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box sx={{ display: 'flex', gap: 2, py: 1, borderBottom: 1, borderColor: 'divider' }}>
      <Typography color="text.secondary" sx={{ width: 200, flexShrink: 0 }}>
        {label}
      </Typography>
      <Box sx={{ minWidth: 0 }}>{children}</Box>
    </Box>
  );
}

/** The signed licence this desk holds (C11): seats, modules and how long it is valid. */
export function LicenceTab() {
  const { data, error } = useCall('licence.status', {});
  if (error && !data) return <Alert severity="error">{error.message}</Alert>;
  if (!data) return <CircularProgress aria-label="در حال بارگذاری" />;
  const state = STATE[data.state];
  return (
    <Paper variant="outlined" sx={{ p: 2.5, maxWidth: 760, alignSelf: 'flex-start' }}>
      <Alert severity={state.severity} sx={{ mb: 2 }} data-testid="licence-message">
        {data.message}
      </Alert>
      <Row label="وضعیت">
        <Chip size="small" color={state.severity} label={state.label} />
      </Row>
      <Row label="کاربران هم‌زمان">
        {data.state === 'missing' ? '—' : `${faNumber.format(data.seats)} نفر`}
      </Row>
      <Row label="اعتبار تا">{data.validUntil ? jalaliDateOfInstant(data.validUntil) : '—'}</Row>
      <Row label="بخش‌های خریداری‌شده">
        {data.modules.length === 0 ? (
          'فقط بخش‌های پایه'
        ) : (
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            {data.modules.map((m) => (
              <Chip key={m} size="small" variant="outlined" label={MODULE_LABELS[m] ?? m} />
            ))}
          </Box>
        )}
      </Row>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
        اشتراک را سرور مرکز صادر و امضا می‌کند و این رایانه آن را بدون اینترنت هم بررسی می‌کند. برای
        افزودن کاربر یا بخش، با پشتیبانی تماس بگیرید.
      </Typography>
    </Paper>
  );
}
