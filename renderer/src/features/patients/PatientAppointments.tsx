import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { AppointmentRow } from '../../../../shared/api/appointments';
import { STATUS_COLORS, STATUS_LABELS, timeRange } from '../../lib/appointments';
import { jalaliDate } from '../../lib/format';
import { AppointmentActions } from '../appointments/AppointmentActions';

/** A patient's bookings, upcoming or past, with the actions each allows. */
export function PatientAppointments({
  title,
  rows,
  empty,
}: {
  title: string;
  rows: AppointmentRow[];
  empty: string;
}) {
  return (
    <Paper variant="outlined" component="section" aria-label={title}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, p: 2, pb: 1 }}>
        {title}
      </Typography>
      {rows.length === 0 ? (
        <Typography color="text.secondary" sx={{ px: 2, pb: 2 }}>
          {empty}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>تاریخ</TableCell>
                <TableCell>ساعت</TableCell>
                <TableCell>ارائه‌دهنده</TableCell>
                <TableCell>خدمت</TableCell>
                <TableCell>وضعیت</TableCell>
                <TableCell>کد پیگیری</TableCell>
                <TableCell padding="checkbox" />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} data-testid="file-appointment">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{jalaliDate(r.date)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <span dir="ltr">{timeRange(r.start, r.end)}</span>
                  </TableCell>
                  <TableCell>{r.providerName}</TableCell>
                  <TableCell>{r.serviceName || '—'}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      label={STATUS_LABELS[r.status]}
                      sx={{
                        bgcolor: STATUS_COLORS[r.status].bg,
                        border: 1,
                        borderColor: STATUS_COLORS[r.status].border,
                      }}
                    />
                  </TableCell>
                  <TableCell>{r.trackingCode}</TableCell>
                  <TableCell padding="checkbox">
                    <AppointmentActions row={r} layout="menu" />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Paper>
  );
}
