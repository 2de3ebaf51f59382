import { useState } from 'react';
import { useNavigate } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import SavingsIcon from '@mui/icons-material/SavingsOutlined';
import UndoIcon from '@mui/icons-material/Undo';
import type { InvoiceView } from '../../../../shared/api/money';
import { useCall } from '../../hooks/use-call';
import { useMoneyUnit } from '../../hooks/use-center';
import { useRights } from '../../hooks/use-rights';
import { jalaliDate } from '../../lib/format';
import { invoiceNumberText, moneyText, type MoneyUnit } from '../../lib/money';
import { useNotify } from '../../state/notify-store';
import { ApplyCreditDialog } from './ApplyCreditDialog';
import { InvoiceDialog, InvoiceStatus } from './InvoiceDialog';
import { ReceiveDialog } from './ReceiveDialog';
import { RefundDialog } from './RefundDialog';

type Open =
  | { kind: 'deposit' }
  | { kind: 'refund' }
  | { kind: 'pay' | 'credit'; invoice: InvoiceView }
  | { kind: 'invoice'; id: string };

/** «بدهکار ۱۲۰٬۰۰۰ تومان», «بستانکار …» or «تسویه». */
export function balanceText(balance: number, unit: MoneyUnit): string {
  if (balance > 0) return `بدهکار ${moneyText(balance, unit)}`;
  if (balance < 0) return `بستانکار ${moneyText(-balance, unit)}`;
  return 'تسویه';
}

function Fact({ label, value, color, testId }: Record<string, string | undefined>) {
  return (
    <Box sx={{ minWidth: 170 }}>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography sx={{ fontWeight: 700, fontSize: 18, color }} data-testid={testId}>
        {value}
      </Typography>
    </Box>
  );
}

/**
 * A patient's money (B6): what they owe or have as credit, their unpaid invoices and recent bills,
 * and the cashier's actions on them. Shown in the patient's file and at the cashier.
 */
export function PatientAccount({
  patientId,
  patientName,
}: {
  patientId: string;
  patientName: string;
}) {
  const unit = useMoneyUnit();
  const rights = useRights();
  const navigate = useNavigate();
  const notify = useNotify((s) => s.notify);
  const [open, setOpen] = useState<Open | null>(null);
  const balance = useCall('cashier.patientBalance', { patientId }, ['ledger', 'invoices']);
  const recent = useCall('invoices.list', { patientId, limit: 8 }, ['ledger', 'invoices']);
  const close = () => setOpen(null);
  const canReceive = rights.has('cashier.receive');
  const data = balance.data;
  const unpaidIds = new Set(data?.unpaid.map((i) => i.id));
  const settled = (recent.data?.items ?? []).filter((i) => !unpaidIds.has(i.id));

  const row = (i: InvoiceView, actions: boolean) => (
    <TableRow
      key={i.id}
      hover
      sx={{ cursor: 'pointer' }}
      onClick={() => setOpen({ kind: 'invoice', id: i.id })}
      data-testid="account-invoice"
    >
      <TableCell>{invoiceNumberText(i.number)}</TableCell>
      <TableCell>{jalaliDate(i.issuedOn)}</TableCell>
      <TableCell>{i.kind === 'shop' ? 'فروشگاه' : 'خدمات'}</TableCell>
      <TableCell>{moneyText(i.dueRial, unit)}</TableCell>
      <TableCell>{moneyText(i.remainingRial, unit)}</TableCell>
      <TableCell>
        <InvoiceStatus invoice={i} />
      </TableCell>
      <TableCell align="left" onClick={(e) => e.stopPropagation()}>
        {actions && canReceive && (
          <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
            <Button
              size="small"
              variant="contained"
              onClick={() => setOpen({ kind: 'pay', invoice: i })}
            >
              دریافت
            </Button>
            {(data?.creditRial ?? 0) > 0 && (
              <Button size="small" onClick={() => setOpen({ kind: 'credit', invoice: i })}>
                از اعتبار
              </Button>
            )}
          </Box>
        )}
      </TableCell>
    </TableRow>
  );

  return (
    <Paper variant="outlined" component="section" aria-label="حساب مالی" sx={{ p: 2.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 2 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          حساب مالی
        </Typography>
        {canReceive && (
          <Button
            variant="outlined"
            startIcon={<AddIcon />}
            onClick={() => navigate(`/cashier/invoice?patient=${patientId}`)}
          >
            صورت‌حساب خدمات
          </Button>
        )}
        {canReceive && (
          <Button
            variant="outlined"
            startIcon={<SavingsIcon />}
            onClick={() => setOpen({ kind: 'deposit' })}
          >
            پیش‌پرداخت
          </Button>
        )}
        {rights.has('cashier.refund') && (
          <Button
            color="warning"
            startIcon={<UndoIcon />}
            onClick={() => setOpen({ kind: 'refund' })}
          >
            بازپرداخت
          </Button>
        )}
      </Box>
      {balance.error && <Alert severity="error">{balance.error.message}</Alert>}
      {data && (
        <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', mb: 1 }}>
          <Fact
            label="وضعیت حساب"
            value={balanceText(data.balanceRial, unit)}
            color={data.balanceRial > 0 ? '#c62828' : data.balanceRial < 0 ? '#2e7d32' : undefined}
            testId="account-balance"
          />
          <Fact
            label="اعتبار (پیش‌پرداخت)"
            value={moneyText(data.creditRial, unit)}
            testId="account-credit"
          />
        </Box>
      )}
      {data && data.unpaid.length === 0 && settled.length === 0 && (
        <Typography color="text.secondary">
          صورت‌حسابی برای این بیمار صادر نشده است. پس از پذیرش، با «صورت‌حساب خدمات» خدمات انجام‌شده
          را با سهم بیمه ثبت کنید؛ پیش‌پرداخت هم اعتبار بیمار می‌شود.
        </Typography>
      )}
      {data && (data.unpaid.length > 0 || settled.length > 0) && (
        <Box sx={{ overflowX: 'auto' }}>
          <Table
            size="small"
            aria-label="صورت‌حساب‌های بیمار"
            sx={{ '& td, & th': { whiteSpace: 'nowrap', px: 1 } }}
          >
            <TableHead>
              <TableRow>
                <TableCell>شماره</TableCell>
                <TableCell>تاریخ</TableCell>
                <TableCell>نوع</TableCell>
                <TableCell>مبلغ</TableCell>
                <TableCell>مانده</TableCell>
                <TableCell>وضعیت</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.unpaid.map((i) => row(i, true))}
              {settled.map((i) => row(i, false))}
            </TableBody>
          </Table>
        </Box>
      )}
      {open?.kind === 'invoice' && (
        <InvoiceDialog id={open.id} patientId={patientId} onClose={close} />
      )}
      {(open?.kind === 'deposit' || open?.kind === 'pay') && (
        <ReceiveDialog
          patientId={patientId}
          patientName={patientName}
          invoice={open.kind === 'pay' ? open.invoice : null}
          onClose={close}
          onDone={() => {
            close();
            notify(open.kind === 'pay' ? 'دریافت وجه ثبت شد.' : 'پیش‌پرداخت ثبت شد.');
          }}
        />
      )}
      {open?.kind === 'credit' && (
        <ApplyCreditDialog
          invoice={open.invoice}
          creditRial={data?.creditRial ?? 0}
          onClose={close}
          onDone={() => {
            close();
            notify('از اعتبار بیمار کسر شد.');
          }}
        />
      )}
      {open?.kind === 'refund' && (
        <RefundDialog
          patientId={patientId}
          patientName={patientName}
          creditRial={data?.creditRial ?? 0}
          onClose={close}
          onDone={() => {
            close();
            notify('بازپرداخت ثبت شد.');
          }}
        />
      )}
    </Paper>
  );
}
