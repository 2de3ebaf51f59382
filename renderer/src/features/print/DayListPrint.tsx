import { useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { staffFullName } from '../../../../shared/domain/staff';
import { isIsoDate, todayInTehran } from '../../../../shared/time/dates';
import { useCall } from '../../hooks/use-call';
import { STATUS_LABELS, longDate, timeRange } from '../../lib/appointments';
import { faNumber, jalaliDateTime, mobileText, ltr } from '../../lib/format';
import { PrintFrame } from './PrintFrame';

const cell = {
  border: '1px solid #999',
  padding: '4px 6px',
  fontSize: 12,
  textAlign: 'start' as const,
};

/** One provider's bookings of one day, as a clean A4 table (`#/print/day?provider=…&date=…`). */
export function DayListPrint() {
  const [params] = useSearchParams();
  const providerId = params.get('provider') ?? '';
  const date = isIsoDate(params.get('date') ?? '') ? params.get('date')! : todayInTehran();
  const staff = useCall('staff.list', {}, ['staff']);
  const center = useCall('center.get', {}, ['center']);
  const list = useCall(
    'appointments.list',
    { from: date, to: date, providerId: providerId || undefined, limit: 500, sort: 'time-asc' },
    ['appointments', 'patients'],
  );
  const provider = staff.data?.find((s) => s.id === providerId);
  const rows = (list.data?.items ?? []).filter((r) => r.status !== 'cancelled');

  return (
    <PrintFrame title="فهرست نوبت‌های روز">
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mb: 1 }}>
        <Typography variant="h6" component="h1" sx={{ flexGrow: 1 }}>
          فهرست نوبت‌های {provider ? staffFullName(provider) : 'همهٔ ارائه‌دهندگان'}
        </Typography>
        <Typography>{center.data?.center?.name ?? ''}</Typography>
      </Box>
      <Typography sx={{ mb: 2 }}>
        {longDate(date)} — {faNumber.format(rows.length)} نوبت
      </Typography>
      {list.error && <Alert severity="error">{list.error.message}</Alert>}
      {list.data && rows.length === 0 && <Typography>برای این روز نوبتی ثبت نشده است.</Typography>}
      {rows.length > 0 && (
        <table style={{ width: '100%', borderCollapse: 'collapse' }} aria-label="نوبت‌های روز">
          <thead>
            <tr style={{ background: '#eee' }}>
              {['ردیف', 'ساعت', 'بیمار', 'پرونده', 'همراه', 'خدمت', 'وضعیت', 'یادداشت'].map((h) => (
                <th key={h} style={{ ...cell, fontWeight: 700 }}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.id} style={{ breakInside: 'avoid' }}>
                <td style={cell}>{faNumber.format(i + 1)}</td>
                <td style={{ ...cell, whiteSpace: 'nowrap' }}>
                  <span dir="ltr">{timeRange(r.start, r.end)}</span>
                </td>
                <td style={cell}>{r.patientName}</td>
                <td style={cell}>{ltr(r.patientFileNumber)}</td>
                <td style={{ ...cell, whiteSpace: 'nowrap' }}>{mobileText(r.patientMobile)}</td>
                <td style={cell}>{r.serviceName}</td>
                <td style={{ ...cell, whiteSpace: 'nowrap' }}>{STATUS_LABELS[r.status]}</td>
                <td style={cell}>{r.notes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Typography variant="caption" component="p" sx={{ mt: 2, color: '#555' }}>
        چاپ: {jalaliDateTime(new Date().toISOString())}
      </Typography>
    </PrintFrame>
  );
}
