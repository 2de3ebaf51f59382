import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { InvoiceLine } from '../../../../shared/domain/invoices';
import { faNumber } from '../../lib/format';
import { moneyText, type MoneyUnit } from '../../lib/money';

export interface Totals {
  grossRial: number;
  insurersRial: number;
  discountRial: number;
  dueRial: number;
}

/**
 * An invoice's lines as the cashier and the patient read them: the price, what each insurer pays,
 * the discount and what is left for the patient; totals underneath.
 */
export function InvoiceTable({
  lines,
  totals,
  unit,
  label = 'اقلام صورت‌حساب',
  returnedQty,
}: {
  lines: readonly InvoiceLine[];
  totals: Totals;
  unit: MoneyUnit;
  label?: string;
  /** Shop: units of each line brought back after delivery. */
  returnedQty?: readonly number[];
}) {
  const insured = lines.some((l) => l.basicShareRial > 0 || l.supplementaryShareRial > 0);
  const discounted = lines.some((l) => l.discountRial > 0);
  const money = (v: number) => moneyText(v, unit);
  const span = 3 + (insured ? 2 : 0) + (discounted ? 1 : 0);
  return (
    <Table size="small" aria-label={label} sx={{ '& td, & th': { px: 1 } }}>
      <TableHead>
        <TableRow>
          <TableCell>شرح</TableCell>
          <TableCell align="center">تعداد</TableCell>
          <TableCell>بها</TableCell>
          {insured && <TableCell>سهم بیمهٔ پایه</TableCell>}
          {insured && <TableCell>سهم بیمهٔ تکمیلی</TableCell>}
          {discounted && <TableCell>تخفیف</TableCell>}
          <TableCell>سهم بیمار</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((l, i) => (
          <TableRow key={`${l.itemId}-${i}`} data-testid="invoice-line">
            <TableCell>{l.title}</TableCell>
            <TableCell align="center">
              {faNumber.format(l.qty)}
              {(returnedQty?.[i] ?? 0) > 0 && (
                <Typography
                  variant="caption"
                  color="error"
                  data-testid="line-returned"
                  sx={{ display: 'block' }}
                >
                  {faNumber.format(returnedQty![i]!)} برگشتی
                </Typography>
              )}
            </TableCell>
            <TableCell>{money(l.unitPriceRial * l.qty)}</TableCell>
            {insured && <TableCell data-testid="line-basic">{money(l.basicShareRial)}</TableCell>}
            {insured && (
              <TableCell data-testid="line-supplementary">
                {money(l.supplementaryShareRial)}
              </TableCell>
            )}
            {discounted && (
              <TableCell>
                {l.discountRial > 0 ? money(l.discountRial) : '—'}
                {l.discountReason && (
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {l.discountReason}
                  </Typography>
                )}
              </TableCell>
            )}
            <TableCell data-testid="line-patient" sx={{ fontWeight: 600 }}>
              {money(l.patientRial)}
            </TableCell>
          </TableRow>
        ))}
        <TableRow sx={{ '& td': { borderBottom: 0, pt: 1.5 } }}>
          <TableCell colSpan={span} align="left" sx={{ color: 'text.secondary' }}>
            جمع بها {money(totals.grossRial)}
            {totals.insurersRial > 0 && ` — سهم بیمه‌ها ${money(totals.insurersRial)}`}
            {totals.discountRial > 0 && ` — تخفیف ${money(totals.discountRial)}`}
          </TableCell>
          <TableCell sx={{ fontWeight: 700, fontSize: 16 }} data-testid="invoice-due">
            {money(totals.dueRial)}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}
