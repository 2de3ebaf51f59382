import { useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import type { InvoiceView } from '../../../../shared/api/money';
import { useCall } from '../../hooks/use-call';
import { useCenter, useMoneyUnit } from '../../hooks/use-center';
import { useStaffNames } from '../../hooks/use-staff-names';
import { jalaliDate, jalaliDateTime } from '../../lib/format';
import { invoiceNumberText, moneyText } from '../../lib/money';
import { InvoiceTable } from '../cashier/InvoiceTable';
import { PaymentsTable } from '../cashier/PaymentsTable';
import { PrintFrame } from './PrintFrame';

function ReceiptBody({ invoice }: { invoice: InvoiceView }) {
  const center = useCenter();
  const unit = useMoneyUnit();
  const staffName = useStaffNames();
  const insurers = useCall('catalog.listAll', {}, ['catalog']).data?.insurers ?? [];
  const insurer = (id: string) => insurers.find((i) => i.id === id)?.name ?? '—';
  const line = (label: string, value: string) => (
    <Box sx={{ display: 'flex', gap: 1 }}>
      <Typography sx={{ color: '#444', minWidth: 90 }}>{label}</Typography>
      <Typography sx={{ fontWeight: 600 }}>{value}</Typography>
    </Box>
  );
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ textAlign: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
          {center?.name ?? ''}
        </Typography>
        {center && (center.address || center.phones.length > 0) && (
          <Typography variant="body2" sx={{ color: '#444' }}>
            {[center.address, center.phones.join('، ')].filter(Boolean).join(' — ')}
          </Typography>
        )}
        <Typography variant="h6" sx={{ mt: 1 }}>
          {invoice.kind === 'shop' ? 'فاکتور فروش و رسید پرداخت' : 'صورت‌حساب و رسید پرداخت'}
        </Typography>
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 0.5 }}>
        {line('شماره', invoiceNumberText(invoice.number))}
        {line('تاریخ', jalaliDate(invoice.issuedOn))}
        {line('بیمار', invoice.patientName)}
        {line('وضعیت', invoice.status === 'void' ? `باطل‌شده: ${invoice.voidReason}` : 'معتبر')}
        {invoice.basicInsurerId && line('بیمهٔ پایه', insurer(invoice.basicInsurerId))}
        {invoice.supplementaryInsurerId &&
          line('بیمهٔ تکمیلی', insurer(invoice.supplementaryInsurerId))}
        {invoice.kind === 'shop' &&
          line(
            'تحویل',
            invoice.deliveredBy
              ? `${staffName(invoice.deliveredBy)} — ${jalaliDateTime(invoice.deliveredAt)}`
              : 'تحویل نشده',
          )}
      </Box>
      <InvoiceTable lines={invoice.lines} totals={invoice} unit={unit} />
      <Divider />
      <Typography variant="subtitle1" sx={{ fontWeight: 700 }}>
        پرداخت‌ها
      </Typography>
      {invoice.entries.length === 0 ? (
        <Typography>هنوز پرداختی ثبت نشده است.</Typography>
      ) : (
        <PaymentsTable entries={invoice.entries} unit={unit} cashierName={staffName} />
      )}
      <Box
        sx={{ display: 'flex', justifyContent: 'space-between', border: '1px solid #999', p: 1.5 }}
        data-testid="receipt-totals"
      >
        <Typography>
          مبلغ قابل پرداخت بیمار: <strong>{moneyText(invoice.dueRial, unit)}</strong>
        </Typography>
        <Typography>
          پرداخت‌شده: <strong>{moneyText(invoice.paidRial, unit)}</strong>
        </Typography>
        <Typography>
          مانده: <strong>{moneyText(invoice.remainingRial, unit)}</strong>
        </Typography>
      </Box>
      <Typography variant="caption" sx={{ color: '#555' }}>
        چاپ: {jalaliDateTime(new Date().toISOString())} — این رسید با شمارهٔ صورت‌حساب و شمارهٔ پیگیری
        هر پرداخت قابل پیگیری است.
      </Typography>
    </Box>
  );
}

/** A printable invoice with what was paid, how and when (`#/print/receipt/<invoice id>`). */
export function ReceiptPrint() {
  const { id = '' } = useParams();
  const { data, error } = useCall('invoices.get', { id }, ['invoices', 'ledger']);
  return (
    <PrintFrame title="رسید پرداخت" permission="cashier.view">
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && <ReceiptBody invoice={data} />}
    </PrintFrame>
  );
}
