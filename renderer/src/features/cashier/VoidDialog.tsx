import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import type { InvoiceView } from '../../../../shared/api/money';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMoneyUnit } from '../../hooks/use-center';
import { useProblem } from '../../hooks/use-problem';
import { bridge } from '../../lib/bridge';
import { invoiceNumberText, moneyText } from '../../lib/money';

/**
 * Voids an invoice with a reason. For an undelivered shop order this is the return: the goods go
 * back to their warehouse. Money already paid stays with the patient as credit to refund or use.
 */
export function VoidDialog({
  invoice,
  onClose,
  onDone,
}: {
  invoice: InvoiceView;
  onClose(): void;
  onDone(voided: InvoiceView): void;
}) {
  const unit = useMoneyUnit();
  const [reason, setReason] = useState('');
  const form = useProblem();
  const shop = invoice.kind === 'shop';

  const submit = () => {
    if (!reason.trim())
      return form.refuse({ reason: shop ? 'دلیل مرجوعی را بنویسید.' : 'دلیل ابطال را بنویسید.' });
    return form.run(async () => {
      onDone(await bridge.call('invoices.void', { id: invoice.id, reason }));
    });
  };

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="void-title">
      <DialogTitle id="void-title">
        {shop ? 'مرجوعی و ابطال فاکتور' : 'ابطال صورت‌حساب'} {invoiceNumberText(invoice.number)}
      </DialogTitle>
      <DialogContent dividers>
        <ProblemAlert problem={form.problem} fields={['reason']} />
        <Alert severity="warning" sx={{ mb: 2 }}>
          {shop ? 'کالاها به انبار برمی‌گردند. ' : ''}
          {invoice.paidRial > 0
            ? `${moneyText(invoice.paidRial, unit)} پرداخت‌شده اعتبار ${invoice.patientName} می‌شود؛ می‌توانید آن را بازپرداخت کنید.`
            : `این ${shop ? 'فاکتور' : 'صورت‌حساب'} دیگر در بدهی بیمار حساب نمی‌شود.`}
        </Alert>
        <TextField
          name="reason"
          label={shop ? 'دلیل مرجوعی' : 'دلیل ابطال'}
          required
          autoFocus
          multiline
          minRows={2}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            form.clear('reason');
          }}
          error={!!form.fields.reason}
          helperText={form.fields.reason}
        />
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose}>انصراف</Button>
        <Button
          variant="contained"
          color="error"
          disabled={form.busy}
          onClick={() => void submit()}
        >
          {shop ? 'ثبت مرجوعی' : 'ابطال صورت‌حساب'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
