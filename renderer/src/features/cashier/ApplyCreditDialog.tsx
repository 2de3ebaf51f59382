import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import type { InvoiceView } from '../../../../shared/api/money';
import { MoneyField } from '../../components/MoneyField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMoneyUnit } from '../../hooks/use-center';
import { useProblem } from '../../hooks/use-problem';
import { bridge } from '../../lib/bridge';
import { amountInputText, invoiceNumberText, moneyText, readAmount } from '../../lib/money';

/** Puts part of the patient's credit (advance payments) towards an invoice; no cash moves. */
export function ApplyCreditDialog({
  invoice,
  creditRial,
  onClose,
  onDone,
}: {
  invoice: InvoiceView;
  creditRial: number;
  onClose(): void;
  onDone(): void;
}) {
  const unit = useMoneyUnit();
  const [amount, setAmount] = useState(
    amountInputText(Math.min(creditRial, invoice.remainingRial), unit),
  );
  const form = useProblem();

  const submit = () => {
    const read = readAmount(amount, unit);
    if (read.problem) return form.refuse({ amountRial: read.problem });
    return form.run(async () => {
      await bridge.call('cashier.applyCredit', {
        patientId: invoice.patientId,
        invoiceId: invoice.id,
        amountRial: read.rial!,
      });
      onDone();
    });
  };

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="credit-title">
      <DialogTitle id="credit-title">
        کسر از اعتبار برای صورت‌حساب {invoiceNumberText(invoice.number)}
      </DialogTitle>
      <DialogContent dividers>
        <ProblemAlert problem={form.problem} fields={['amountRial']} />
        <Stack spacing={2}>
          <Alert severity="info" icon={false}>
            اعتبار {invoice.patientName}: <strong>{moneyText(creditRial, unit)}</strong> — ماندهٔ
            صورت‌حساب: <strong>{moneyText(invoice.remainingRial, unit)}</strong>
          </Alert>
          <MoneyField
            name="amountRial"
            label="مبلغ کسر از اعتبار"
            required
            unit={unit}
            value={amount}
            onChange={(v) => {
              setAmount(v);
              form.clear('amountRial');
            }}
            error={!!form.fields.amountRial}
            helperText={form.fields.amountRial}
          />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose}>انصراف</Button>
        <Button variant="contained" disabled={form.busy} onClick={() => void submit()}>
          کسر از اعتبار
        </Button>
      </DialogActions>
    </Dialog>
  );
}
