import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import {
  entryKindLabel,
  entryMethodLabel,
  type LedgerEntry,
} from '../../../../shared/domain/ledger';
import { jalaliDateTime } from '../../lib/format';
import { moneyText, type MoneyUnit } from '../../lib/money';

/** What was paid on an invoice, when, how and with which tracking number. */
export function PaymentsTable({
  entries,
  unit,
  cashierName,
}: {
  entries: readonly LedgerEntry[];
  unit: MoneyUnit;
  cashierName?(id: string): string;
}) {
  return (
    <Table size="small" aria-label="پرداخت‌ها" sx={{ '& td, & th': { px: 1 } }}>
      <TableHead>
        <TableRow>
          <TableCell>زمان</TableCell>
          <TableCell>نوع</TableCell>
          <TableCell>روش</TableCell>
          <TableCell>شمارهٔ پیگیری</TableCell>
          {cashierName && <TableCell>صندوق‌دار</TableCell>}
          <TableCell>مبلغ</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((e) => (
          <TableRow key={e.id} data-testid="payment-row">
            <TableCell>{jalaliDateTime(e.createdAt)}</TableCell>
            <TableCell>{entryKindLabel(e)}</TableCell>
            <TableCell>{entryMethodLabel(e) || '—'}</TableCell>
            <TableCell dir="ltr" sx={{ textAlign: 'right' }}>
              {e.reference || '—'}
            </TableCell>
            {cashierName && <TableCell>{cashierName(e.cashierId)}</TableCell>}
            <TableCell sx={{ color: e.kind === 'refund' ? 'error.main' : undefined }}>
              {e.kind === 'refund' ? '−' : ''}
              {moneyText(e.amountRial, unit)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
