import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import type { CatalogItem } from '../../../../../shared/domain/catalog';
import { toLatinDigits } from '../../../../../shared/text/normalize';
import { MoneyField } from '../../../components/MoneyField';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useProblem } from '../../../hooks/use-problem';
import { bridge } from '../../../lib/bridge';
import { latinInput, ltrInput } from '../../../lib/inputs';
import { amountInputText, readAmount, type MoneyUnit } from '../../../lib/money';
import { readCount } from '../../../lib/numbers';

const FIELDS = ['name', 'barcode', 'unit', 'priceRial', 'reorderLevel', 'active'];

/** Creates or edits a good of the shop and the warehouses (C6). */
export function GoodDialog({
  good,
  unit,
  onClose,
  onSaved,
}: {
  good: CatalogItem | null;
  unit: MoneyUnit;
  onClose(): void;
  onSaved(saved: CatalogItem, created: boolean): void;
}) {
  const [name, setName] = useState(good?.name ?? '');
  const [barcode, setBarcode] = useState(good?.barcode ?? '');
  const [goodUnit, setGoodUnit] = useState(good?.unit ?? 'عدد');
  const [price, setPrice] = useState(good ? amountInputText(good.priceRial, unit) : '');
  const [reorder, setReorder] = useState(good ? String(good.reorderLevel) : '0');
  const [active, setActive] = useState(good?.active ?? true);
  const form = useProblem();
  const f = form.fields;

  const submit = () => {
    const local: Record<string, string> = {};
    const amount = readAmount(price, unit, 'قیمت فروش');
    if (amount.problem) local.priceRial = amount.problem;
    const level = readCount(reorder);
    if (level !== undefined && Number.isNaN(level))
      local.reorderLevel = 'حد سفارش را به عدد وارد کنید.';
    if (Object.keys(local).length) return form.refuse(local);
    return form.run(async () => {
      const saved = await bridge.call('catalog.saveGood', {
        ...(good ? { id: good.id } : {}),
        name,
        barcode: toLatinDigits(barcode),
        unit: goodUnit,
        priceRial: amount.rial!,
        reorderLevel: level ?? 0,
        active,
      });
      onSaved(saved, good === null);
    });
  };

  const text = (
    field: string,
    label: string,
    value: string,
    set: (v: string) => void,
    extra: Partial<React.ComponentProps<typeof TextField>> = {},
  ) => (
    <TextField
      name={field}
      label={label}
      value={value}
      onChange={(e) => {
        set(e.target.value);
        form.clear(field);
      }}
      error={!!f[field]}
      {...extra}
      helperText={f[field] ?? extra.helperText}
    />
  );

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="good-title">
      <DialogTitle id="good-title">
        {good ? `ویرایش کالای «${good.name}»` : 'کالای تازه'}
      </DialogTitle>
      <DialogContent dividers>
        <ProblemAlert problem={form.problem} fields={FIELDS} />
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 8 }}>
            {text('name', 'نام کالا', name, setName, {
              required: true,
              autoFocus: true,
              placeholder: 'مثلاً: زانوبند طبی',
            })}
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            {text('unit', 'واحد', goodUnit, setGoodUnit, {
              required: true,
              helperText: 'عدد، بسته، جعبه…',
            })}
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            {text('barcode', 'بارکد', barcode, setBarcode, {
              helperText: 'با بارکدخوان یا دستی؛ اختیاری',
              slotProps: { htmlInput: latinInput },
            })}
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <MoneyField
              name="priceRial"
              label="قیمت فروش"
              required
              unit={unit}
              value={price}
              onChange={(v) => {
                setPrice(v);
                form.clear('priceRial');
              }}
              error={!!f.priceRial}
              helperText={f.priceRial ?? 'بهای یک واحد'}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            {text('reorderLevel', 'حد سفارش', reorder, setReorder, {
              helperText: 'موجودی به این اندازه یا کمتر، کمبود نشان داده می‌شود',
              slotProps: { htmlInput: { ...ltrInput, inputMode: 'numeric' } },
            })}
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }} sx={{ display: 'flex', alignItems: 'center' }}>
            <FormControlLabel
              control={<Switch checked={active} onChange={(e) => setActive(e.target.checked)} />}
              label="فعال (فروخته می‌شود)"
            />
          </Grid>
        </Grid>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose}>انصراف</Button>
        <Button variant="contained" disabled={form.busy} onClick={() => void submit()}>
          {good ? 'ذخیرهٔ تغییرات' : 'ثبت کالا'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
