import { useState } from 'react';
import { useNavigate } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import PaymentsIcon from '@mui/icons-material/PaymentsOutlined';
import SavingsIcon from '@mui/icons-material/SavingsOutlined';
import LocalShippingIcon from '@mui/icons-material/LocalShippingOutlined';
import BlockIcon from '@mui/icons-material/Block';
import type { InvoiceView } from '../../../../shared/api/money';
import { useCall } from '../../hooks/use-call';
import { useMoneyUnit } from '../../hooks/use-center';
import { useRights } from '../../hooks/use-rights';
import { useStaffNames } from '../../hooks/use-staff-names';
import { bridge } from '../../lib/bridge';
import { problemOf } from '../../lib/errors';
import { jalaliDate, jalaliDateTime } from '../../lib/format';
import { invoiceNumberText, moneyText } from '../../lib/money';
import { useNotify } from '../../state/notify-store';
import { ApplyCreditDialog } from './ApplyCreditDialog';
import { InvoiceTable } from './InvoiceTable';
import { PaymentsTable } from './PaymentsTable';
import { ReceiveDialog } from './ReceiveDialog';
import { VoidDialog } from './VoidDialog';
import { ReturnDeliveredDialog } from '../shop/ReturnDeliveredDialog';

/** The state of an invoice in a word, for chips in lists and dialogs. */
export function InvoiceStatus({ invoice }: { invoice: InvoiceView }) {
  if (invoice.status === 'void') return <Chip size="small" label="باطل‌شده" />;
  if (invoice.remainingRial === 0)
    return <Chip size="small" color="success" variant="outlined" label="تسویه" />;
  if (invoice.paidRial > 0)
    return <Chip size="small" color="warning" variant="outlined" label="بخشی پرداخت‌شده" />;
  return <Chip size="small" color="error" variant="outlined" label="پرداخت‌نشده" />;
}

/**
 * One invoice: its lines and insurer split, what was paid and what remains, and what can be done
 * next (take money, use credit, print the receipt, record delivery, void or return).
 */
export function InvoiceDialog({
  id,
  patientId,
  onClose,
}: {
  id: string;
  patientId: string;
  onClose(): void;
}) {
  const { data: invoice, error } = useCall('invoices.get', { id }, ['invoices', 'ledger', 'stock']);
  const balance = useCall('cashier.patientBalance', { patientId }, ['ledger', 'invoices']);
  const unit = useMoneyUnit();
  const rights = useRights();
  const navigate = useNavigate();
  const notify = useNotify((s) => s.notify);
  const staffName = useStaffNames();
  const [dialog, setDialog] = useState<'receive' | 'credit' | 'void' | 'return' | null>(null);
  const [busy, setBusy] = useState(false);

  const credit = balance.data?.creditRial ?? 0;
  const open = invoice?.status === 'issued';
  const undelivered = invoice?.kind === 'shop' && open && !invoice.deliveredBy;
  const returnable =
    invoice?.kind === 'shop' &&
    open &&
    !!invoice.deliveredBy &&
    invoice.lines.some((l, i) => l.qty > (invoice.returnedQty[i] ?? 0));

  const deliver = async () => {
    setBusy(true);
    try {
      await bridge.call('invoices.deliver', { id });
      notify('تحویل کالا ثبت شد.');
    } catch (e) {
      notify(problemOf(e).message, 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="invoice-title">
      <DialogTitle id="invoice-title" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Box component="span" sx={{ flexGrow: 1 }}>
          {invoice?.kind === 'shop' ? 'فاکتور فروشگاه' : 'صورت‌حساب خدمات'}{' '}
          {invoice && invoiceNumberText(invoice.number)}
        </Box>
        {invoice && <InvoiceStatus invoice={invoice} />}
      </DialogTitle>
      <DialogContent dividers>
        {error && <Alert severity="error">{error.message}</Alert>}
        {invoice && (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <Typography color="text.secondary">
              {invoice.patientName} — صادر شده در {jalaliDate(invoice.issuedOn)}
              {invoice.kind === 'shop' &&
                (invoice.deliveredBy
                  ? ` — تحویل به دست ${staffName(invoice.deliveredBy)} در ${jalaliDateTime(invoice.deliveredAt)}`
                  : ' — کالا هنوز تحویل نشده است')}
            </Typography>
            {invoice.status === 'void' && (
              <Alert severity="warning">دلیل ابطال: {invoice.voidReason}</Alert>
            )}
            <InvoiceTable
              lines={invoice.lines}
              totals={invoice}
              unit={unit}
              returnedQty={invoice.returnedQty}
            />
            <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }}>
              <Typography>
                پرداخت‌شده: <strong>{moneyText(invoice.paidRial, unit)}</strong>
              </Typography>
              <Typography data-testid="invoice-remaining">
                مانده: <strong>{moneyText(invoice.remainingRial, unit)}</strong>
              </Typography>
              {invoice.returnedRial > 0 && (
                <Typography data-testid="invoice-returned">
                  بهای کالای برگشتی: <strong>{moneyText(invoice.returnedRial, unit)}</strong>
                </Typography>
              )}
              {credit > 0 && open && (
                <Typography color="success.main">
                  اعتبار بیمار: {moneyText(credit, unit)}
                </Typography>
              )}
            </Box>
            {invoice.entries.length > 0 && (
              <PaymentsTable entries={invoice.entries} unit={unit} cashierName={staffName} />
            )}
          </Box>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2, gap: 1, flexWrap: 'wrap' }}>
        {invoice && open && invoice.remainingRial > 0 && rights.has('cashier.receive') && (
          <>
            <Button
              variant="contained"
              startIcon={<PaymentsIcon />}
              onClick={() => setDialog('receive')}
            >
              دریافت وجه
            </Button>
            {credit > 0 && (
              <Button startIcon={<SavingsIcon />} onClick={() => setDialog('credit')}>
                کسر از اعتبار
              </Button>
            )}
          </>
        )}
        {undelivered && rights.has('shop.deliver') && (
          <Button
            variant="outlined"
            startIcon={<LocalShippingIcon />}
            disabled={busy}
            onClick={() => void deliver()}
          >
            ثبت تحویل کالا
          </Button>
        )}
        {invoice && (
          <Button startIcon={<PrintIcon />} onClick={() => navigate(`/print/receipt/${id}`)}>
            چاپ رسید
          </Button>
        )}
        {invoice && open && !invoice.deliveredBy && rights.has('cashier.refund') && (
          <Button color="error" startIcon={<BlockIcon />} onClick={() => setDialog('void')}>
            {invoice.kind === 'shop' ? 'مرجوعی' : 'ابطال'}
          </Button>
        )}
        {invoice && returnable && rights.has('cashier.refund') && (
          <Button color="error" startIcon={<BlockIcon />} onClick={() => setDialog('return')}>
            مرجوعی کالای تحویل‌شده
          </Button>
        )}
        <Box sx={{ flexGrow: 1 }} />
        <Button onClick={onClose}>بستن</Button>
      </DialogActions>
      {invoice && dialog === 'receive' && (
        <ReceiveDialog
          patientId={invoice.patientId}
          patientName={invoice.patientName}
          invoice={invoice}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notify('دریافت وجه ثبت شد.');
          }}
        />
      )}
      {invoice && dialog === 'credit' && (
        <ApplyCreditDialog
          invoice={invoice}
          creditRial={credit}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notify('از اعتبار بیمار کسر شد.');
          }}
        />
      )}
      {invoice && dialog === 'void' && (
        <VoidDialog
          invoice={invoice}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notify(invoice.kind === 'shop' ? 'مرجوعی ثبت شد.' : 'صورت‌حساب باطل شد.');
          }}
        />
      )}
      {invoice && dialog === 'return' && (
        <ReturnDeliveredDialog
          invoice={invoice}
          onClose={() => setDialog(null)}
          onDone={(_after, creditRial, warehouseName) => {
            setDialog(null);
            notify(
              `مرجوعی ثبت شد؛ کالا به «${warehouseName}» برگشت` +
                (creditRial > 0 ? ` و ${moneyText(creditRial, unit)} به حساب بیمار آمد.` : '.'),
            );
          }}
        />
      )}
    </Dialog>
  );
}
