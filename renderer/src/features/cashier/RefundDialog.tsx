import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { MoneyField } from '../../components/MoneyField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCall } from '../../hooks/use-call';
import { useMoneyUnit } from '../../hooks/use-center';
import { useProblem } from '../../hooks/use-problem';
import { bridge } from '../../lib/bridge';
import { jalaliDate } from '../../lib/format';
import { emptySelectProps } from '../../lib/inputs';
import { invoiceNumberText, moneyText, readAmount } from '../../lib/money';
import { BoxClosedWarning, MethodField, ReferenceField, type HandMethod } from './MethodField';

const FIELDS = ['amountRial', 'method', 'reference', 'reason', 'invoiceId'];

/**
 * Gives money back to a patient with a reason: from their unused credit, or what they paid on an
 * invoice (a voided one too). The core caps the amount and, for cash, checks the box holds it.
 */
export function RefundDialog({
  patientId,
  patientName,
  creditRial,
  invoiceId = '',
  onClose,
  onDone,
}: {
  patientId: string;
  patientName: string;
  creditRial: number;
  invoiceId?: string;
  onClose(): void;
  onDone(): void;
}) {
  const unit = useMoneyUnit();
  const invoices = useCall('invoices.list', { patientId, limit: 100 }, ['invoices', 'ledger']);
  const paid = (invoices.data?.items ?? []).filter((i) => i.paidRial > 0);
  const [source, setSource] = useState(invoiceId);
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<HandMethod>('cash');
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const form = useProblem();
  const f = form.fields;
  const chosen = paid.find((i) => i.id === source);
  const ceiling = source ? (chosen?.paidRial ?? 0) : creditRial;

  const submit = () => {
    const read = readAmount(amount, unit);
    if (read.problem) return form.refuse({ amountRial: read.problem });
    return form.run(async () => {
      await bridge.call('cashier.refund', {
        patientId,
        invoiceId: source,
        amountRial: read.rial!,
        method,
        reference: method === 'cash' ? '' : reference,
        reason,
      });
      onDone();
    });
  };

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="refund-title">
      <DialogTitle id="refund-title">بازپرداخت به {patientName}</DialogTitle>
      <DialogContent dividers>
        <BoxClosedWarning method={method} />
        <ProblemAlert problem={form.problem} fields={FIELDS} />
        <Stack spacing={2}>
          <TextField
            select
            name="invoiceId"
            label="بابت"
            value={source}
            onChange={(e) => {
              setSource(e.target.value);
              form.clear('invoiceId');
            }}
            error={!!f.invoiceId}
            helperText={f.invoiceId ?? `حداکثر قابل بازپرداخت: ${moneyText(ceiling, unit)}`}
            slotProps={emptySelectProps}
          >
            <MenuItem value="">اعتبار بیمار (پیش‌پرداخت) — {moneyText(creditRial, unit)}</MenuItem>
            {paid.map((i) => (
              <MenuItem key={i.id} value={i.id}>
                صورت‌حساب {invoiceNumberText(i.number)} ({jalaliDate(i.issuedOn)}
                {i.status === 'void' ? '، باطل‌شده' : ''}) — پرداخت‌شده{' '}
                {moneyText(i.paidRial, unit)}
              </MenuItem>
            ))}
          </TextField>
          <MoneyField
            name="amountRial"
            label="مبلغ بازپرداخت"
            required
            unit={unit}
            value={amount}
            onChange={(v) => {
              setAmount(v);
              form.clear('amountRial');
            }}
            error={!!f.amountRial}
            helperText={f.amountRial}
          />
          <MethodField value={method} onChange={setMethod} error={f.method} />
          <ReferenceField
            method={method}
            value={reference}
            onChange={(v) => {
              setReference(v);
              form.clear('reference');
            }}
            error={f.reference}
          />
          <TextField
            name="reason"
            label="دلیل بازپرداخت"
            required
            multiline
            minRows={2}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              form.clear('reason');
            }}
            error={!!f.reason}
            helperText={f.reason ?? 'در گزارش صندوق و گزارش تغییرات می‌ماند'}
          />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose}>انصراف</Button>
        <Button
          variant="contained"
          color="warning"
          disabled={form.busy}
          onClick={() => void submit()}
        >
          ثبت بازپرداخت
        </Button>
      </DialogActions>
    </Dialog>
  );
}
