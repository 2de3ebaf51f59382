import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { InvoiceView } from '../../../../shared/api/money';
import type { LedgerEntry } from '../../../../shared/domain/ledger';
import { MoneyField } from '../../components/MoneyField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMoneyUnit } from '../../hooks/use-center';
import { useProblem } from '../../hooks/use-problem';
import { bridge } from '../../lib/bridge';
import { amountInputText, invoiceNumberText, moneyText, readAmount } from '../../lib/money';
import { BoxClosedWarning, MethodField, ReferenceField, type HandMethod } from './MethodField';

const FIELDS = ['amountRial', 'method', 'reference', 'note', 'invoiceId'];

/**
 * Takes money from a patient: towards an invoice (a payment, at most what remains) or, with no
 * invoice, as an advance that becomes the patient's credit (a deposit).
 */
export function ReceiveDialog({
  patientId,
  patientName,
  invoice,
  onClose,
  onDone,
}: {
  patientId: string;
  patientName: string;
  invoice: InvoiceView | null;
  onClose(): void;
  onDone(entry: LedgerEntry): void;
}) {
  const unit = useMoneyUnit();
  const [amount, setAmount] = useState(invoice ? amountInputText(invoice.remainingRial, unit) : '');
  const [method, setMethod] = useState<HandMethod>('cash');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const form = useProblem();
  const f = form.fields;

  const submit = () => {
    const read = readAmount(amount, unit);
    if (read.problem) return form.refuse({ amountRial: read.problem });
    return form.run(async () => {
      const entry = await bridge.call('cashier.receive', {
        patientId,
        invoiceId: invoice?.id ?? '',
        amountRial: read.rial!,
        method,
        reference: method === 'cash' ? '' : reference,
        note,
      });
      onDone(entry);
    });
  };

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="receive-title">
      <DialogTitle id="receive-title">
        {invoice
          ? `دریافت وجه صورت‌حساب ${invoiceNumberText(invoice.number)}`
          : `پیش‌پرداخت ${patientName}`}
      </DialogTitle>
      <DialogContent dividers>
        <BoxClosedWarning method={method} />
        <ProblemAlert problem={form.problem} fields={FIELDS} />
        <Stack spacing={2}>
          {invoice ? (
            <Alert severity="info" icon={false}>
              {patientName} — مبلغ صورت‌حساب {moneyText(invoice.dueRial, unit)}، پرداخت‌شده{' '}
              {moneyText(invoice.paidRial, unit)}، مانده{' '}
              <strong>{moneyText(invoice.remainingRial, unit)}</strong>
            </Alert>
          ) : (
            <Alert severity="info" icon={false}>
              این مبلغ اعتبار {patientName} می‌شود و بعداً از صورت‌حساب‌های او کسر می‌شود.
            </Alert>
          )}
          <MoneyField
            name="amountRial"
            label="مبلغ"
            required
            unit={unit}
            value={amount}
            onChange={(v) => {
              setAmount(v);
              form.clear('amountRial');
            }}
            error={!!f.amountRial}
            helperText={f.amountRial ?? (invoice ? 'بخشی از مانده را هم می‌توان گرفت' : undefined)}
          />
          <MethodField
            value={method}
            onChange={(m) => {
              setMethod(m);
              form.clear('reference');
            }}
            error={f.method}
          />
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
            name="note"
            label="توضیح"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={!!f.note}
            helperText={f.note}
          />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose}>انصراف</Button>
        <Button variant="contained" disabled={form.busy} onClick={() => void submit()}>
          {invoice ? 'ثبت دریافت' : 'ثبت پیش‌پرداخت'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
