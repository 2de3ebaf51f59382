import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import Popover from '@mui/material/Popover';
import Typography from '@mui/material/Typography';
import type { AppointmentRow } from '../../../../shared/api/appointments';
import {
  STATUS_COLORS,
  STATUS_LABELS,
  SOURCE_LABELS,
  longDate,
  timeRange,
} from '../../lib/appointments';
import { mobileText, ltr } from '../../lib/format';
import { AppointmentActions } from '../appointments/AppointmentActions';

/** A booking's details and what can be done to it, beside its block on the desk. */
export function BookingPopover({
  row,
  anchor,
  onClose,
}: {
  row: AppointmentRow;
  anchor: HTMLElement;
  onClose(): void;
}) {
  const color = STATUS_COLORS[row.status];
  const line = (label: string, value: React.ReactNode) => (
    <Box sx={{ display: 'flex', gap: 1 }}>
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: 86, flexShrink: 0 }}>
        {label}
      </Typography>
      <Typography variant="body2">{value}</Typography>
    </Box>
  );
  return (
    <Popover
      open
      anchorEl={anchor}
      onClose={onClose}
      anchorOrigin={{ vertical: 'top', horizontal: 'left' }}
      transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      slotProps={{ paper: { sx: { p: 2, width: 380 }, 'aria-label': `نوبت ${row.patientName}` } }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Link
          component={RouterLink}
          to={`/patients/${row.patientId}`}
          variant="h6"
          underline="hover"
        >
          {row.patientName}
        </Link>
        <Chip
          size="small"
          label={STATUS_LABELS[row.status]}
          sx={{ bgcolor: color.bg, border: 1, borderColor: color.border, mr: 'auto' }}
          data-testid="popover-status"
        />
      </Box>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, mb: 1.5 }}>
        {line(
          'زمان',
          <>
            {longDate(row.date)}، <span dir="ltr">{timeRange(row.start, row.end)}</span>
          </>,
        )}
        {line('ارائه‌دهنده', row.providerName)}
        {row.serviceName && line('خدمت', row.serviceName)}
        {line('همراه', mobileText(row.patientMobile))}
        {row.patientFileNumber && line('پرونده', ltr(row.patientFileNumber))}
        {line('کد پیگیری', row.trackingCode)}
        {line('ثبت از', `${SOURCE_LABELS[row.source]}${row.walkIn ? ' (بدون نوبت)' : ''}`)}
        {row.overbook && line('نوبت اضافه', 'بله، کنار نوبت دیگر')}
        {row.packageId && line('بسته', 'جلسه‌ای از بستهٔ جلسه‌ای')}
        {row.notes && line('یادداشت', row.notes)}
        {row.cancelReason && line('دلیل لغو', row.cancelReason)}
        {row.conflict &&
          line('تعارض', 'این زمان روی رایانهٔ دیگری زودتر داده شده است؛ جابه‌جا یا لغو کنید.')}
      </Box>
      <Divider sx={{ mb: 1.5 }} />
      <AppointmentActions row={row} layout="buttons" onChanged={onClose} />
    </Popover>
  );
}
