import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import type { CatalogItem } from '../../../../shared/domain/catalog';
import type { InvoiceLine } from '../../../../shared/domain/invoices';
import { MoneyField } from '../../components/MoneyField';
import { ltrInput } from '../../lib/inputs';
import { moneyText, type MoneyUnit } from '../../lib/money';

export interface DraftLine {
  key: number;
  itemId: string;
  qty: string;
  /** Typed in the center's unit; '' for none. */
  discount: string;
  reason: string;
}

let nextKey = 1;
export function draftLine(itemId = ''): DraftLine {
  return { key: nextKey++, itemId, qty: '1', discount: '', reason: '' };
}

/**
 * The services of a bill, one row each: the service, how many, and (for those allowed to give
 * one) a discount with its reason. The patient's share of each row comes from the live quote.
 */
export function ServiceLines({
  lines,
  onChange,
  departments,
  services,
  unit,
  canDiscount,
  fields,
  quoted,
}: {
  lines: DraftLine[];
  onChange(lines: DraftLine[], changedField?: string): void;
  departments: CatalogItem[];
  services: CatalogItem[];
  unit: MoneyUnit;
  canDiscount: boolean;
  fields: Record<string, string>;
  quoted: readonly InvoiceLine[] | null;
}) {
  const set = (index: number, patch: Partial<DraftLine>, field: string) =>
    onChange(
      lines.map((l, i) => (i === index ? { ...l, ...patch } : l)),
      `lines.${index}.${field}`,
    );
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} role="list" aria-label="خدمات">
      {lines.map((line, i) => {
        const q = quoted?.[i];
        return (
          <Box
            key={line.key}
            role="listitem"
            aria-label={`ردیف ${i + 1}`}
            sx={{
              display: 'grid',
              gridTemplateColumns: canDiscount
                ? 'minmax(200px, 2fr) 80px minmax(150px, 1fr) minmax(150px, 1.2fr) 130px 40px'
                : 'minmax(200px, 2fr) 80px 130px 40px',
              gap: 1,
              alignItems: 'start',
            }}
          >
            <TextField
              select
              name={`lines.${i}.itemId`}
              label="خدمت"
              required
              value={line.itemId}
              onChange={(e) => set(i, { itemId: e.target.value }, 'itemId')}
              error={!!fields[`lines.${i}.itemId`]}
              helperText={fields[`lines.${i}.itemId`]}
            >
              {departments.flatMap((d) => [
                <ListSubheader key={`h-${d.id}`}>{d.name}</ListSubheader>,
                ...services
                  .filter((s) => s.departmentId === d.id)
                  .map((s) => (
                    <MenuItem key={s.id} value={s.id}>
                      {s.name}
                    </MenuItem>
                  )),
              ])}
            </TextField>
            <TextField
              name={`lines.${i}.qty`}
              label="تعداد"
              value={line.qty}
              onChange={(e) => set(i, { qty: e.target.value }, 'qty')}
              error={!!fields[`lines.${i}.qty`]}
              helperText={fields[`lines.${i}.qty`]}
              slotProps={{ htmlInput: { ...ltrInput, inputMode: 'numeric' } }}
            />
            {canDiscount && (
              <MoneyField
                name={`lines.${i}.discountRial`}
                label="تخفیف"
                unit={unit}
                value={line.discount}
                onChange={(v) => set(i, { discount: v }, 'discountRial')}
                error={!!fields[`lines.${i}.discountRial`]}
                helperText={fields[`lines.${i}.discountRial`]}
              />
            )}
            {canDiscount && (
              <TextField
                name={`lines.${i}.discountReason`}
                label="دلیل تخفیف"
                value={line.reason}
                disabled={line.discount === ''}
                onChange={(e) => set(i, { reason: e.target.value }, 'discountReason')}
                error={!!fields[`lines.${i}.discountReason`]}
                helperText={fields[`lines.${i}.discountReason`]}
              />
            )}
            <Box sx={{ pt: 0.5 }}>
              <Typography variant="caption" color="text.secondary" component="div">
                سهم بیمار
              </Typography>
              <Typography sx={{ fontWeight: 600 }} data-testid="line-share">
                {q ? moneyText(q.patientRial, unit) : '—'}
              </Typography>
            </Box>
            <IconButton
              aria-label={`حذف ردیف ${i + 1}`}
              disabled={lines.length === 1}
              onClick={() =>
                onChange(
                  lines.filter((_l, j) => j !== i),
                  'lines',
                )
              }
            >
              <DeleteIcon />
            </IconButton>
          </Box>
        );
      })}
      <Button
        startIcon={<AddIcon />}
        onClick={() => onChange([...lines, draftLine()])}
        sx={{ alignSelf: 'flex-start' }}
      >
        افزودن خدمت
      </Button>
    </Box>
  );
}
