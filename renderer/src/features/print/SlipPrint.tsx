import { useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import type { Appointment } from '../../../../shared/domain/appointments';
import { maskNationalId } from '../../../../shared/text/identity';
import { useCall } from '../../hooks/use-call';
import { longDate, timeRange } from '../../lib/appointments';
import { mobileText } from '../../lib/format';
import { PrintFrame } from './PrintFrame';

function SlipBody({ appointment }: { appointment: Appointment }) {
  const center = useCall('center.get', {}, ['center']);
  // The list adds the names people read; the tracking code finds exactly this booking.
  const list = useCall('appointments.list', {
    from: appointment.date,
    to: appointment.date,
    providerId: appointment.providerId,
    query: appointment.trackingCode,
    limit: 10,
  });
  const row = list.data?.items.find((r) => r.id === appointment.id);
  const c = center.data?.center;
  const line = (label: string, value: string, ltr = false) => (
    <Box sx={{ display: 'flex', py: 0.75, borderBottom: '1px dashed #bbb' }}>
      <Typography sx={{ width: 150, color: '#444' }}>{label}</Typography>
      <Typography sx={{ fontWeight: 600 }}>
        {ltr ? <span dir="ltr">{value}</span> : value}
      </Typography>
    </Box>
  );
  return (
    <Box sx={{ border: '2px solid #333', borderRadius: 2, p: 3, maxWidth: '150mm', mx: 'auto' }}>
      <Typography variant="h5" component="h1" sx={{ textAlign: 'center', fontWeight: 700 }}>
        {c?.name ?? ''}
      </Typography>
      {c && (c.address || c.phones.length > 0) && (
        <Typography variant="body2" sx={{ textAlign: 'center', color: '#444' }}>
          {[c.address, c.phones.join('، ')].filter(Boolean).join(' — ')}
        </Typography>
      )}
      <Divider sx={{ my: 2 }} />
      <Typography variant="h6" sx={{ textAlign: 'center' }}>
        رسید نوبت
      </Typography>
      <Typography
        sx={{ textAlign: 'center', fontSize: 28, fontWeight: 700, letterSpacing: 2 }}
        data-testid="slip-code"
      >
        {appointment.trackingCode}
      </Typography>
      <Typography variant="caption" component="p" sx={{ textAlign: 'center', mb: 2 }}>
        کد پیگیری — هنگام مراجعه ارائه دهید
      </Typography>
      {row && (
        <>
          {line('بیمار', row.patientName)}
          {line(
            'کد ملی',
            row.patientNationalId ? maskNationalId(row.patientNationalId) : '—',
            true,
          )}
          {line('همراه', mobileText(row.patientMobile))}
          {line('تاریخ', longDate(appointment.date))}
          {line('ساعت', timeRange(appointment.start, appointment.end), true)}
          {line('ارائه‌دهنده', row.providerName)}
          {row.serviceName && line('خدمت', row.serviceName)}
        </>
      )}
      <Typography variant="body2" sx={{ mt: 2, color: '#444' }}>
        لطفاً دست‌کم ۱۰ دقیقه پیش از نوبت با کارت ملی در پذیرش حاضر باشید.
      </Typography>
    </Box>
  );
}

/** The appointment slip (P9): what reception checks on arrival (`#/print/slip/<id>`). */
export function SlipPrint() {
  const { id = '' } = useParams();
  const { data, error } = useCall('appointments.get', { id }, ['appointments']);
  return (
    <PrintFrame title="رسید نوبت">
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && <SlipBody appointment={data} />}
    </PrintFrame>
  );
}
