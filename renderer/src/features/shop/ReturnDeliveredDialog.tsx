import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import type { InvoiceView } from '../../../../shared/api/money';
import { returnValue } from '../../../../shared/domain/invoices';
import { toLatinDigits } from '../../../../shared/text/normalize';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCall } from '../../hooks/use-call';
import { useMoneyUnit } from '../../hooks/use-center';
import { useProblem } from '../../hooks/use-problem';
import { bridge } from '../../lib/bridge';
import { faNumber } from '../../lib/format';
import { ltrInput } from '../../lib/inputs';
import { invoiceNumberText, moneyText } from '../../lib/money';

/** What was typed as a quantity: a whole number ≥ 0 (empty is 0), or null when it is not one. */
function readQty(text: string): number | null {
  const plain = toLatinDigits(text).trim();
  if (plain === '') return 0;
  return /^\d+$/.test(plain) ? Number(plain) : null;
}

/**
 * Takes back goods already handed over (B5): some or all units of each line go into a warehouse,
 * and what the patient paid for them (after their share of the discount) becomes their credit —
 * first settling what is still unpaid on the invoice, the rest to refund or use at the cashier.
 */
export function ReturnDeliveredDialog({
  invoice,
  onClose,
  onDone,
}: {
  invoice: InvoiceView;
  onClose(): void;
  onDone(after: InvoiceView, creditRial: number, warehouseName: string): void;
}) {
  const unit = useMoneyUnit();
  const catalog = useCall('catalog.listAll', {}, ['catalog']);
  const warehouses = (catalog.data?.warehouses ?? []).filter((w) => w.active);
  const [warehouseId, setWarehouseId] = useState('');
  // The warehouse the goods left, unless another is chosen.
  const soldFrom = warehouses.some((w) => w.id === invoice.soldFromWarehouseId)
    ? invoice.soldFromWarehouseId
    : '';
  const chosenWarehouse = warehouseId || soldFrom || warehouses[0]?.id || '';
  const [qty, setQty] = useState<string[]>(() => invoice.lines.map(() => ''));
  const [reason, setReason] = useState('');
  /** The invoice line each sent line stands for: the core names problems by sent position. */
  const [sent, setSent] = useState<number[]>([]);
  const form = useProblem();
  const f = form.fields;

  const returned = (i: number) => invoice.returnedQty[i] ?? 0;
  const left = (i: number) => invoice.lines[i]!.qty - returned(i);
  const read = qty.map(readQty);
  const creditRial = invoice.lines.reduce((sum, line, i) => {
    const n = read[i] ?? 0;
    return n > 0 && n <= left(i) ? sum + returnValue(line, returned(i), n) : sum;
  }, 0);
  const settles = Math.min(creditRial, invoice.remainingRial);
  const tooMany = read.some((n, i) => n !== null && n > left(i));

  const lineMessage = (i: number): string | undefined => {
    const at = sent.indexOf(i);
    return (
      f[`qty.${i}`] ?? (at >= 0 ? (f[`lines.${at}.qty`] ?? f[`lines.${at}.index`]) : undefined)
    );
  };
  const shownFields = [
    'warehouseId',
    'reason',
    ...invoice.lines.map((_l, i) => `qty.${i}`),
    ...sent.flatMap((_s, at) => [`lines.${at}.qty`, `lines.${at}.index`]),
  ];

  const submit = () => {
    const problems: Record<string, string> = {};
    read.forEach((n, i) => {
      if (n === null) problems[`qty.${i}`] = 'تعداد برگشتی باید عدد صحیح و مثبت باشد.';
    });
    if (Object.keys(problems).length > 0) return form.refuse(problems);
    const lines = read.flatMap((n, index) => (n ? [{ index, qty: n }] : []));
    if (lines.length === 0)
      return form.refuse({ 'qty.0': 'تعداد برگشتی دست‌کم یک قلم را وارد کنید.' });
    setSent(lines.map((l) => l.index));
    return form.run(async () => {
      const after = await bridge.call('invoices.returnDelivered', {
        id: invoice.id,
        warehouseId: chosenWarehouse,
        lines,
        reason,
      });
      const name = warehouses.find((w) => w.id === chosenWarehouse)?.name ?? '';
      onDone(after, after.returnedRial - invoice.returnedRial, name);
    });
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="return-title">
      <DialogTitle id="return-title">
        مرجوعی کالای تحویل‌شده — فاکتور {invoiceNumberText(invoice.number)}
      </DialogTitle>
      <DialogContent dividers>
        <ProblemAlert problem={form.problem} fields={shownFields} />
        <Stack spacing={2}>
          <Table size="small" aria-label="اقلام فاکتور">
            <TableHead>
              <TableRow>
                <TableCell>کالا</TableCell>
                <TableCell align="center">فروخته</TableCell>
                <TableCell align="center">برگشته</TableCell>
                <TableCell sx={{ width: 170 }}>تعداد برگشتی</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {invoice.lines.map((line, i) => {
                const message = lineMessage(i);
                return (
                  <TableRow key={`${line.itemId}-${i}`} data-testid={`return-line-${i}`}>
                    <TableCell>{line.title}</TableCell>
                    <TableCell align="center">{faNumber.format(line.qty)}</TableCell>
                    <TableCell align="center">{faNumber.format(returned(i))}</TableCell>
                    <TableCell>
                      <TextField
                        name={`qty.${i}`}
                        size="small"
                        aria-label={`تعداد برگشتی ${line.title}`}
                        disabled={left(i) === 0}
                        value={qty[i]}
                        onChange={(e) => {
                          const next = [...qty];
                          next[i] = e.target.value;
                          setQty(next);
                          form.clear(`qty.${i}`);
                          const at = sent.indexOf(i);
                          if (at >= 0) {
                            form.clear(`lines.${at}.qty`);
                            form.clear(`lines.${at}.index`);
                          }
                        }}
                        error={!!message}
                        helperText={
                          message ??
                          (left(i) === 0 ? 'همه برگشته است' : `حداکثر ${faNumber.format(left(i))}`)
                        }
                        slotProps={{ htmlInput: { ...ltrInput, inputMode: 'numeric' } }}
                      />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <TextField
            select
            name="warehouseId"
            label="برگشت به انبار"
            required
            value={chosenWarehouse}
            onChange={(e) => {
              setWarehouseId(e.target.value);
              form.clear('warehouseId');
            }}
            error={!!f.warehouseId}
            helperText={f.warehouseId ?? 'کالای برگشتی به موجودی این انبار اضافه می‌شود'}
          >
            {warehouses.map((w) => (
              <MenuItem key={w.id} value={w.id}>
                {w.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            name="reason"
            label="دلیل مرجوعی"
            required
            multiline
            minRows={2}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              form.clear('reason');
            }}
            error={!!f.reason}
            helperText={f.reason ?? 'در گزارش انبار و گزارش تغییرات می‌ماند'}
          />
          <Alert
            severity={creditRial > 0 && !tooMany ? 'info' : 'warning'}
            data-testid="return-summary"
          >
            {tooMany
              ? 'تعداد برگشتی هر قلم نباید از ماندهٔ قابل برگشت آن بیشتر باشد.'
              : creditRial === 0
                ? 'تعداد کالای برگشتی را وارد کنید؛ بهای آن (پس از سهم تخفیف) اعتبار بیمار می‌شود.'
                : `بهای کالای برگشتی: ${moneyText(creditRial, unit)}. ` +
                  (settles > 0
                    ? `${moneyText(settles, unit)} از ماندهٔ این فاکتور کسر می‌شود` +
                      (creditRial > settles
                        ? ` و ${moneyText(creditRial - settles, unit)} اعتبار ${invoice.patientName} می‌شود.`
                        : '.')
                    : `این مبلغ اعتبار ${invoice.patientName} می‌شود؛ در صندوق می‌توانید آن را بازپرداخت یا برای فاکتور دیگری استفاده کنید.`)}
          </Alert>
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose}>انصراف</Button>
        <Button
          variant="contained"
          color="error"
          disabled={form.busy || warehouses.length === 0}
          onClick={() => void submit()}
        >
          ثبت مرجوعی
        </Button>
      </DialogActions>
    </Dialog>
  );
}
