import { useEffect } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Tooltip from '@mui/material/Tooltip';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudSyncIcon from '@mui/icons-material/CloudSync';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import type { SyncStatus } from '../../../shared/api/events';
import { useSyncStore } from '../state/sync-store';
import { faNumber, jalaliDateTime } from '../lib/format';

function describe(status: SyncStatus): {
  label: string;
  color: 'default' | 'success' | 'info' | 'warning' | 'error';
  icon: React.ReactElement;
} {
  switch (status.state) {
    case 'not-configured':
      return { label: 'به سرور وصل نیست', color: 'default', icon: <LinkOffIcon /> };
    case 'offline':
      return { label: 'آفلاین', color: 'warning', icon: <CloudOffIcon /> };
    case 'syncing':
      return { label: 'در حال همگام‌سازی', color: 'info', icon: <CloudSyncIcon /> };
    case 'online':
      return { label: 'همگام', color: 'success', icon: <CloudDoneIcon /> };
    case 'error':
      return { label: 'خطای همگام‌سازی', color: 'error', icon: <ErrorOutlineIcon /> };
  }
}

/** Online/offline/sync state, waiting changes and last sync time, always visible in the top bar. */
export function StatusArea({ onOpen }: { onOpen?: () => void }) {
  const { status, coreUnreachable, start } = useSyncStore();
  useEffect(() => start(), [start]);

  if (coreUnreachable) {
    return <Chip color="error" icon={<ErrorOutlineIcon />} label="هستهٔ برنامه در دسترس نیست" />;
  }
  if (!status) return null;
  const view = describe(status);
  const details = [
    status.state === 'not-configured'
      ? 'این دستگاه هنوز به سرور مرکز متصل نشده است؛ همه‌چیز روی همین رایانه ذخیره می‌شود.'
      : null,
    status.pending > 0 ? `${faNumber.format(status.pending)} تغییر در انتظار ارسال` : null,
    status.lastSyncAt ? `آخرین همگام‌سازی: ${jalaliDateTime(status.lastSyncAt)}` : null,
    status.error,
  ].filter(Boolean);

  return (
    <Box
      sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}
      data-testid="sync-status"
    >
      <Tooltip title={details.join(' — ')}>
        <Chip
          size="small"
          color={view.color}
          icon={view.icon}
          label={view.label}
          variant="filled"
          onClick={onOpen}
        />
      </Tooltip>
      {status.pending > 0 && (
        <Chip size="small" variant="outlined" label={`${faNumber.format(status.pending)} در صف`} />
      )}
      {status.initialProgress !== null && (
        <Box sx={{ width: 120 }}>
          <LinearProgress variant="determinate" value={status.initialProgress * 100} />
        </Box>
      )}
    </Box>
  );
}
