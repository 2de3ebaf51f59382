import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { useCall } from '../../hooks/use-call';
import { jalaliDate, jalaliDateTime, minutesText } from '../../lib/format';
import { EmptyState } from '../../components/EmptyState';
import type { ConflictBooking } from '../../../../shared/api/sync';
import type { AppointmentRow } from '../../../../shared/api/appointments';
import { AppointmentActions } from '../appointments/AppointmentActions';

const FIELD_LABELS: Record<string, string> = {
  firstName: 'نام',
  lastName: 'نام خانوادگی',
  nationalId: 'کد ملی',
  mobile: 'همراه',
  gender: 'جنسیت',
  birthDate: 'تاریخ تولد',
  notes: 'یادداشت',
  _deleted: 'حذف',
  status: 'وضعیت',
};

function show(value: unknown): string {
  if (value === true) return 'بله';
  if (value === false) return 'خیر';
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A conflict booking with the names the actions' dialogs show. */
function rowOf(b: ConflictBooking): AppointmentRow {
  return {
    ...b.appointment,
    patientName: b.patientName,
    providerName: b.providerName,
    patientMobile: '',
    patientNationalId: '',
    patientFileNumber: '',
    serviceName: '',
  };
}

/**
 * The conflict queue (B8): bookings the server marked as conflicting (two devices gave away the
 * same time) and edits that an earlier edit elsewhere replaced. Nothing is dropped silently.
 */
export function ConflictsPage() {
  const { data, error } = useCall('sync.conflicts', {}, ['appointments', 'patients']);
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!data) return null;
  const empty = data.bookings.length === 0 && data.overridden.length === 0;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 3 }}>
      <Typography variant="h5" component="h1">
        صف تعارض‌ها
      </Typography>
      {empty && (
        <EmptyState
          icon={<TaskAltIcon color="success" sx={{ fontSize: 48 }} />}
          title="تعارضی نیست"
          text="اگر دو رایانه (یا سایت نوبت‌دهی) یک زمان را به دو بیمار بدهند، یا یک پرونده هم‌زمان در دو جا ویرایش شود، مورد اینجا نشان داده می‌شود تا تصمیم بگیرید."
        />
      )}
      {data.bookings.length > 0 && (
        <Paper variant="outlined">
          <Box sx={{ p: 2 }}>
            <Typography variant="h6">نوبت‌های هم‌زمان</Typography>
            <Typography color="text.secondary">
              این نوبت‌ها دیرتر از نوبت دیگری با همان زمان به سرور رسیدند. با بیمار تماس بگیرید و
              نوبت را به زمان آزاد دیگری ببرید یا لغو کنید؛ نگه داشتن هر دو نوبت فقط با مجوز «نوبت
              اضافه» ممکن است.
            </Typography>
          </Box>
          <Table
            size="small"
            aria-label="نوبت‌های هم‌زمان"
            sx={{ '& th, & td': { whiteSpace: 'nowrap' } }}
          >
            <TableHead>
              <TableRow>
                <TableCell>بیمار</TableCell>
                <TableCell>ارائه‌دهنده</TableCell>
                <TableCell>تاریخ</TableCell>
                <TableCell>ساعت</TableCell>
                <TableCell>زمان را گرفته است</TableCell>
                <TableCell>کد پیگیری</TableCell>
                <TableCell>تصمیم</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.bookings.map((b) => (
                <TableRow key={b.appointment.id} data-testid="conflict-booking">
                  <TableCell>{b.patientName}</TableCell>
                  <TableCell>{b.providerName}</TableCell>
                  <TableCell>{jalaliDate(b.appointment.date)}</TableCell>
                  <TableCell>
                    <span dir="ltr">
                      {minutesText(b.appointment.start)}–{minutesText(b.appointment.end)}
                    </span>
                  </TableCell>
                  <TableCell>
                    {b.winner ? (
                      b.winner.patientName
                    ) : (
                      <Chip size="small" label="روی رایانهٔ دیگر" />
                    )}
                  </TableCell>
                  <TableCell>{b.appointment.trackingCode}</TableCell>
                  <TableCell sx={{ width: '40%', whiteSpace: 'normal !important' }}>
                    <AppointmentActions row={rowOf(b)} layout="buttons" />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      {data.overridden.length > 0 && (
        <Paper variant="outlined">
          <Box sx={{ p: 2 }}>
            <Typography variant="h6">ویرایش‌های جایگزین‌شده</Typography>
            <Typography color="text.secondary">
              این ویرایش‌های این رایانه با ویرایش زودتری از رایانهٔ دیگر جایگزین شد. اگر مقدار این
              رایانه درست است، پرونده را دوباره ویرایش کنید.
            </Typography>
          </Box>
          <Table size="small" aria-label="ویرایش‌های جایگزین‌شده">
            <TableHead>
              <TableRow>
                <TableCell>زمان</TableCell>
                <TableCell>فیلد</TableCell>
                <TableCell>مقدار این رایانه</TableCell>
                <TableCell>مقدار نگه‌داشته‌شده</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.overridden.map((o) => (
                <TableRow key={`${o.at}-${o.documentId}-${o.field}`}>
                  <TableCell>{jalaliDateTime(o.at)}</TableCell>
                  <TableCell>{FIELD_LABELS[o.field] ?? o.field}</TableCell>
                  <TableCell>{show(o.localValue)}</TableCell>
                  <TableCell>{show(o.serverValue)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
    </Box>
  );
}
