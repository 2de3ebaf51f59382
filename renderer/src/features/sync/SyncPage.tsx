import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import SyncIcon from '@mui/icons-material/Sync';
import { useNavigate } from 'react-router';
import { useCall } from '../../hooks/use-call';
import { bridge } from '../../lib/bridge';
import { faNumber, jalaliDateTime } from '../../lib/format';
import { useAuth } from '../../state/auth-store';
import { useNotify } from '../../state/notify-store';
import { useSyncStore } from '../../state/sync-store';
import { EnrollForm } from './EnrollForm';

const STATE_TEXT = {
  'not-configured': 'این رایانه به سرور مرکز وصل نیست؛ داده‌ها فقط روی همین رایانه است.',
  offline: 'سرور در دسترس نیست. کار را ادامه دهید؛ تغییرات با برگشتن شبکه فرستاده می‌شود.',
  syncing: 'در حال همگام‌سازی با سرور مرکز…',
  online: 'همه‌چیز با سرور مرکز همگام است.',
  error: 'سرور تغییری را نپذیرفت.',
} as const;

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Box sx={{ display: 'flex', gap: 2, py: 0.75 }}>
      <Typography color="text.secondary" sx={{ width: 200, flexShrink: 0 }}>
        {label}
      </Typography>
      <Typography component="div">{value}</Typography>
    </Box>
  );
}

export function SyncPage() {
  const live = useSyncStore((s) => s.status);
  const { data: info, reload } = useCall('sync.info', {});
  const notify = useNotify((s) => s.notify);
  const loadAuth = useAuth((s) => s.load);
  const navigate = useNavigate();
  const status = live ?? info?.status;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 900 }}>
      <Typography variant="h5" component="h1">
        همگام‌سازی با سرور مرکز
      </Typography>
      {status && (
        <Alert
          severity={
            status.state === 'error'
              ? 'error'
              : status.state === 'online'
                ? 'success'
                : status.state === 'offline'
                  ? 'warning'
                  : 'info'
          }
        >
          {STATE_TEXT[status.state]}
          {status.error ? ` ${status.error}` : ''}
        </Alert>
      )}
      {info && !info.enrolled && (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography variant="h6" sx={{ mb: 1 }}>
            اتصال این رایانه به مرکز
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            پس از اتصال، بیماران و نوبت‌های این رایانه با همهٔ رایانه‌های مرکز و سایت نوبت‌دهی همگام
            می‌شود و کارکنان با شمارهٔ همراه و گذرواژهٔ خود وارد می‌شوند.
          </Typography>
          <EnrollForm
            onDone={(centerName) => {
              notify(`این رایانه به «${centerName}» وصل شد.`);
              reload();
              void loadAuth().then(() => navigate('/patients'));
            }}
          />
        </Paper>
      )}
      {info?.enrolled && status && (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Row label="مرکز" value={info.centerName} />
          <Row
            label="سرور"
            value={
              // A technical address: Latin digits, as typed.
              <span dir="ltr" style={{ fontFamily: 'monospace' }}>
                {info.serverUrl}
              </span>
            }
          />
          <Row label="تغییرات در انتظار ارسال" value={faNumber.format(status.pending)} />
          <Row
            label="آخرین همگام‌سازی"
            value={status.lastSyncAt ? jalaliDateTime(status.lastSyncAt) : 'هنوز انجام نشده'}
          />
          {status.initialProgress !== null && (
            <Row
              label="همگام‌سازی نخست"
              value={
                <Box sx={{ width: 240 }}>
                  <LinearProgress variant="determinate" value={status.initialProgress * 100} />
                  {faNumber.format(Math.round(status.initialProgress * 100))}٪
                </Box>
              }
            />
          )}
          <Button
            sx={{ mt: 2 }}
            variant="outlined"
            startIcon={<SyncIcon />}
            onClick={() =>
              void bridge
                .call('sync.now', {})
                .then(() => notify('همگام‌سازی دوباره آغاز شد.', 'info'))
            }
          >
            همگام‌سازی اکنون
          </Button>
        </Paper>
      )}
    </Box>
  );
}
