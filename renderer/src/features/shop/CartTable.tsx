import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import RemoveIcon from '@mui/icons-material/Remove';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import type { CatalogItem } from '../../../../shared/domain/catalog';
import { faNumber } from '../../lib/format';
import { ltrInput } from '../../lib/inputs';
import { moneyText, type MoneyUnit } from '../../lib/money';
import { readCount } from '../../lib/numbers';

export interface CartLine {
  good: CatalogItem;
  /** As typed. */
  qty: string;
}

/** The goods in the cart: price, quantity (typed or stepped), what is in the chosen warehouse. */
export function CartTable({
  lines,
  onChange,
  unit,
  stock,
}: {
  lines: CartLine[];
  onChange(lines: CartLine[]): void;
  unit: MoneyUnit;
  /** goodId → level in the chosen warehouse; absent when this person may not see stock. */
  stock: Map<string, number> | null;
}) {
  const setQty = (goodId: string, qty: string) =>
    onChange(lines.map((l) => (l.good.id === goodId ? { ...l, qty } : l)));
  const step = (l: CartLine, by: number) => {
    const n = readCount(l.qty);
    const next = Math.max(1, (n !== undefined && Number.isInteger(n) ? n : 1) + by);
    setQty(l.good.id, String(next));
  };
  return (
    <Table size="small" aria-label="سبد خرید">
      <TableHead>
        <TableRow>
          <TableCell>کالا</TableCell>
          <TableCell sx={{ whiteSpace: 'nowrap' }}>بهای واحد</TableCell>
          <TableCell align="center">تعداد</TableCell>
          {stock && (
            <TableCell align="center" sx={{ whiteSpace: 'nowrap' }}>
              موجودی انبار
            </TableCell>
          )}
          <TableCell>جمع</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((l) => {
          const n = readCount(l.qty);
          const level = stock?.get(l.good.id) ?? 0;
          const short = stock !== null && n !== undefined && n > level;
          return (
            <TableRow key={l.good.id} data-testid="cart-line">
              <TableCell>
                <Typography sx={{ fontWeight: 600 }}>{l.good.name}</Typography>
                {l.good.barcode && (
                  <Typography variant="caption" color="text.secondary" dir="ltr">
                    {l.good.barcode}
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {moneyText(l.good.priceRial, unit)}
              </TableCell>
              <TableCell align="center">
                <Box
                  sx={{ display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 0.5 }}
                >
                  <IconButton
                    size="small"
                    aria-label={`یکی بیشتر ${l.good.name}`}
                    onClick={() => step(l, 1)}
                  >
                    <AddIcon fontSize="small" />
                  </IconButton>
                  <TextField
                    value={l.qty}
                    onChange={(e) => setQty(l.good.id, e.target.value)}
                    sx={{ width: 70 }}
                    slotProps={{
                      htmlInput: {
                        ...ltrInput,
                        inputMode: 'numeric',
                        'aria-label': `تعداد ${l.good.name}`,
                      },
                    }}
                  />
                  <IconButton
                    size="small"
                    aria-label={`یکی کمتر ${l.good.name}`}
                    onClick={() => step(l, -1)}
                  >
                    <RemoveIcon fontSize="small" />
                  </IconButton>
                </Box>
              </TableCell>
              {stock && (
                <TableCell
                  align="center"
                  sx={{
                    whiteSpace: 'nowrap',
                    color: short ? 'error.main' : undefined,
                    fontWeight: short ? 700 : undefined,
                  }}
                >
                  {faNumber.format(level)} {l.good.unit}
                </TableCell>
              )}
              <TableCell sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                {n !== undefined && Number.isFinite(n)
                  ? moneyText(l.good.priceRial * n, unit)
                  : '—'}
              </TableCell>
              <TableCell align="left">
                <IconButton
                  aria-label={`حذف ${l.good.name}`}
                  onClick={() => onChange(lines.filter((x) => x.good.id !== l.good.id))}
                >
                  <DeleteIcon />
                </IconButton>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
