import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import type { CatalogItem } from '../../../../shared/domain/catalog';
import { todayInTehran } from '../../../../shared/time/dates';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCall } from '../../hooks/use-call';
import { useProblem } from '../../hooks/use-problem';
import { useRights } from '../../hooks/use-rights';
import { timeRange } from '../../lib/appointments';
import { bridge } from '../../lib/bridge';
import { emptySelectProps, ltrInput } from '../../lib/inputs';
import { faNumber } from '../../lib/format';
import { readCount } from '../../lib/numbers';

export type StockAction = 'receive' | 'transfer' | 'adjust' | 'consume';

export const ACTION_TITLES: Record<StockAction, string> = {
  receive: 'ورود کالا از تأمین‌کننده',
  transfer: 'انتقال بین انبارها',
  adjust: 'اصلاح موجودی',
  consume: 'مصرف در خدمت',
};

const FIELDS = [
  'goodId',
  'warehouseId',
  'fromWarehouseId',
  'toWarehouseId',
  'qty',
  'qtyDelta',
  'supplier',
  'note',
  'reason',
  'appointmentId',
];

/** Today's visits, for tying goods used to the visit they were used in. */
function VisitSelect({ value, onChange }: { value: string; onChange(id: string): void }) {
  const today = todayInTehran();
  const { data } = useCall('appointments.list', {
    from: today,
    to: today,
    statuses: ['checked-in', 'done'],
    limit: 200,
  });
  return (
    <TextField
      select
      name="appointmentId"
      label="نوبت (اختیاری)"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      slotProps={emptySelectProps}
      helperText="کالا در خدمت کدام بیمار مصرف شد"
    >
      <MenuItem value="">بدون نوبت</MenuItem>
      {(data?.items ?? []).map((a) => (
        <MenuItem key={a.id} value={a.id}>
          {a.patientName} — {timeRange(a.start, a.end)} — {a.serviceName || a.providerName}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** One stock movement: receipt, transfer, adjustment with a reason, or goods used in a service. */
export function StockDialog({
  action,
  goods,
  warehouses,
  goodId: initialGood = '',
  warehouseId: initialWarehouse = '',
  onClose,
  onDone,
}: {
  action: StockAction;
  goods: CatalogItem[];
  warehouses: CatalogItem[];
  goodId?: string;
  warehouseId?: string;
  onClose(): void;
  onDone(text: string): void;
}) {
  const [goodId, setGoodId] = useState(initialGood);
  const [warehouseId, setWarehouseId] = useState(initialWarehouse || (warehouses[0]?.id ?? ''));
  const [toWarehouseId, setToWarehouseId] = useState('');
  const [qty, setQty] = useState('');
  const [direction, setDirection] = useState<'up' | 'down'>('down');
  const [supplier, setSupplier] = useState('');
  const [text, setText] = useState('');
  const [appointmentId, setAppointmentId] = useState('');
  const canSeeVisits = useRights().has('appointments.view');
  const form = useProblem();
  const f = form.fields;
  const good = goods.find((g) => g.id === goodId);
  // What the source warehouse holds, so that a refused count says how much there is.
  const levels = useCall('stock.levels', { lowOnly: false }, ['stock', 'catalog']);
  const onHand =
    action === 'receive'
      ? undefined
      : levels.data?.find((l) => l.goodId === goodId && l.warehouseId === warehouseId)?.level;
  const onHandText =
    onHand === undefined ? '' : `موجودی این انبار: ${faNumber.format(onHand)} ${good?.unit ?? ''}`;
  const qtyField = action === 'adjust' ? 'qtyDelta' : 'qty';
  const fromField = action === 'transfer' ? 'fromWarehouseId' : 'warehouseId';

  const submit = () => {
    const local: Record<string, string> = {};
    if (!goodId) local.goodId = 'کالا را انتخاب کنید.';
    if (!warehouseId) local[fromField] = 'انبار را انتخاب کنید.';
    if (action === 'transfer' && !toWarehouseId) local.toWarehouseId = 'انبار مقصد را انتخاب کنید.';
    const n = readCount(qty);
    if (n === undefined) local[qtyField] = 'تعداد را وارد کنید.';
    else if (Number.isNaN(n)) local[qtyField] = 'تعداد را به عدد وارد کنید.';
    if (Object.keys(local).length) return form.refuse(local);
    const count = n!;
    return form.run(async () => {
      if (action === 'receive')
        await bridge.call('stock.receive', {
          goodId,
          warehouseId,
          qty: count,
          supplier,
          note: text,
        });
      else if (action === 'transfer')
        await bridge.call('stock.transfer', {
          goodId,
          fromWarehouseId: warehouseId,
          toWarehouseId,
          qty: count,
        });
      else if (action === 'adjust')
        await bridge.call('stock.adjust', {
          goodId,
          warehouseId,
          qtyDelta: direction === 'down' ? -count : count,
          reason: text,
        });
      else
        await bridge.call('stock.consume', {
          goodId,
          warehouseId,
          qty: count,
          appointmentId,
          note: text,
        });
      onDone(`${ACTION_TITLES[action]}: ${good?.name ?? ''} ثبت شد.`);
    });
  };

  const select = (
    name: string,
    label: string,
    value: string,
    set: (v: string) => void,
    items: CatalogItem[],
  ) => (
    <TextField
      select
      name={name}
      label={label}
      required
      value={value}
      onChange={(e) => {
        set(e.target.value);
        form.clear(name);
      }}
      error={!!f[name]}
      helperText={f[name]}
    >
      {items.map((i) => (
        <MenuItem key={i.id} value={i.id}>
          {i.name}
          {i.barcode ? ` (${i.barcode})` : ''}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="stock-title">
      <DialogTitle id="stock-title">{ACTION_TITLES[action]}</DialogTitle>
      <DialogContent dividers>
        <ProblemAlert problem={form.problem} fields={FIELDS} />
        <Grid container spacing={2}>
          <Grid size={12}>{select('goodId', 'کالا', goodId, setGoodId, goods)}</Grid>
          <Grid size={action === 'transfer' ? 6 : 12}>
            {select(
              fromField,
              action === 'transfer' ? 'از انبار' : 'انبار',
              warehouseId,
              setWarehouseId,
              warehouses,
            )}
          </Grid>
          {action === 'transfer' && (
            <Grid size={6}>
              {select(
                'toWarehouseId',
                'به انبار',
                toWarehouseId,
                setToWarehouseId,
                warehouses.filter((w) => w.id !== warehouseId),
              )}
            </Grid>
          )}
          {action === 'adjust' && (
            <Grid size={12}>
              <ToggleButtonGroup
                exclusive
                fullWidth
                size="small"
                color="primary"
                value={direction}
                aria-label="جهت اصلاح"
                onChange={(_e, v: 'up' | 'down' | null) => v && setDirection(v)}
                sx={{ height: 40 }}
              >
                <ToggleButton value="down">کاهش (کسری، خرابی)</ToggleButton>
                <ToggleButton value="up">افزایش (اضافهٔ شمارش)</ToggleButton>
              </ToggleButtonGroup>
            </Grid>
          )}
          <Grid size={action === 'receive' ? { xs: 12, sm: 5 } : 12}>
            <TextField
              name={qtyField}
              label={action === 'adjust' ? 'مقدار اصلاح' : 'تعداد'}
              required
              value={qty}
              onChange={(e) => {
                setQty(e.target.value);
                form.clear(qtyField);
              }}
              error={!!f[qtyField]}
              helperText={[f[qtyField], onHandText].filter(Boolean).join(' — ') || good?.unit}
              slotProps={{ htmlInput: { ...ltrInput, inputMode: 'numeric' } }}
            />
          </Grid>
          {action === 'receive' && (
            <Grid size={{ xs: 12, sm: 7 }}>
              <TextField
                name="supplier"
                label="تأمین‌کننده"
                value={supplier}
                onChange={(e) => setSupplier(e.target.value)}
                error={!!f.supplier}
                helperText={f.supplier}
              />
            </Grid>
          )}
          {action === 'consume' && canSeeVisits && (
            <Grid size={12}>
              <VisitSelect value={appointmentId} onChange={setAppointmentId} />
            </Grid>
          )}
          {action !== 'transfer' && (
            <Grid size={12}>
              <TextField
                name={action === 'adjust' ? 'reason' : 'note'}
                label={action === 'adjust' ? 'دلیل اصلاح' : 'توضیح'}
                required={action === 'adjust'}
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  form.clear(action === 'adjust' ? 'reason' : 'note');
                }}
                error={!!(action === 'adjust' ? f.reason : f.note)}
                helperText={
                  (action === 'adjust' ? f.reason : f.note) ??
                  (action === 'adjust'
                    ? 'مثلاً: شمارش پایان ماه، تاریخ گذشته، آسیب‌دیده'
                    : undefined)
                }
              />
            </Grid>
          )}
        </Grid>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose}>انصراف</Button>
        <Button variant="contained" disabled={form.busy} onClick={() => void submit()}>
          ثبت
        </Button>
      </DialogActions>
    </Dialog>
  );
}
