import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { LedgerEntry } from '../../../../shared/domain/ledger';
import { MoneyField } from '../../components/MoneyField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProblem } from '../../hooks/use-problem';
import { bridge } from '../../lib/bridge';
import { amountToRial, moneyText, readAmount, type MoneyUnit } from '../../lib/money';

/** Counted against expected, in words: «برابر», «کسری …» or «اضافه …». */
export function differenceText(counted: number, expected: number, unit: MoneyUnit): string {
  const diff = counted - expected;
  if (diff === 0) return 'بدون اختلاف';
  return diff < 0 ? `کسری ${moneyText(-diff, unit)}` : `اضافه ${moneyText(diff, unit)}`;
}

/** Ends the shift: the cash counted in the box, compared live with what the entries say. */
export function CloseBoxDialog({
  expectedRial,
  unit,
  onClose,
  onDone,
}: {
  expectedRial: number;
  unit: MoneyUnit;
  onClose(): void;
  onDone(closed: LedgerEntry): void;
}) {
  const [counted, setCounted] = useState('');
  const [note, setNote] = useState('');
  const form = useProblem();
  const typed = amountToRial(counted, unit);
  const known = typed !== undefined && !Number.isNaN(typed);

  const submit = () => {
    const read = readAmount(counted, unit, 'وجه شمارش‌شده');
    if (read.problem) return form.refuse({ countedRial: read.problem });
    return form.run(async () => {
      onDone(await bridge.call('cashier.closeBox', { countedRial: read.rial!, note }));
    });
  };

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="close-box-title">
      <DialogTitle id="close-box-title">بستن صندوق</DialogTitle>
      <DialogContent dividers>
        <ProblemAlert problem={form.problem} fields={['countedRial', 'note']} />
        <Stack spacing={2}>
          <Alert severity="info" icon={false}>
            نقد مورد انتظار در صندوق: <strong>{moneyText(expectedRial, unit)}</strong>
          </Alert>
          <MoneyField
            name="countedRial"
            label="وجه نقد شمارش‌شده"
            required
            unit={unit}
            value={counted}
            onChange={(v) => {
              setCounted(v);
              form.clear('countedRial');
            }}
            error={!!form.fields.countedRial}
            helperText={form.fields.countedRial ?? 'اسکناس‌های صندوق را بشمارید'}
          />
          {known && (
            <Alert
              severity={typed === expectedRial ? 'success' : 'warning'}
              data-testid="close-difference"
            >
              اختلاف: {differenceText(Math.round(typed), expectedRial, unit)}
            </Alert>
          )}
          <TextField
            name="note"
            label="توضیح"
            multiline
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            helperText="مثلاً دلیل کسری یا اضافه"
          />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose}>انصراف</Button>
        <Button variant="contained" disabled={form.busy} onClick={() => void submit()}>
          بستن صندوق
        </Button>
      </DialogActions>
    </Dialog>
  );
}
