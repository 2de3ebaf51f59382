import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import QrCodeScannerIcon from '@mui/icons-material/QrCodeScanner';
import ShoppingCartIcon from '@mui/icons-material/ShoppingCartOutlined';
import type { CatalogItem } from '../../../../shared/domain/catalog';
import { toLatinDigits } from '../../../../shared/text/normalize';
import { EmptyState } from '../../components/EmptyState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCall } from '../../hooks/use-call';
import { useMoneyUnit } from '../../hooks/use-center';
import { usePatientParam } from '../../hooks/use-patient-param';
import { useProblem } from '../../hooks/use-problem';
import { useRights } from '../../hooks/use-rights';
import { bridge } from '../../lib/bridge';
import { latinInput } from '../../lib/inputs';
import { moneyText } from '../../lib/money';
import { readCount } from '../../lib/numbers';
import { InvoiceDialog } from '../cashier/InvoiceDialog';
import { PatientPicker } from '../patients/PatientPicker';
import { CartTable, type CartLine } from './CartTable';

const FIELDS = ['patientId', 'warehouseId', 'barcode'];

/**
 * The shop's counter (B5): goods go into the cart by barcode (typed or scanned, then Enter) or by
 * name; the invoice is issued for a patient from a warehouse, then paid and handed over.
 */
export function SellTab({
  goods,
  warehouses,
}: {
  goods: CatalogItem[];
  warehouses: CatalogItem[];
}) {
  const unit = useMoneyUnit();
  const rights = useRights();
  const [patient, setPatient] = usePatientParam();
  const [warehouseId, setWarehouseId] = useState(warehouses[0]?.id ?? '');
  const [barcode, setBarcode] = useState('');
  const [picked, setPicked] = useState<CatalogItem | null>(null);
  const [cart, setCart] = useState<CartLine[]>([]);
  const [issued, setIssued] = useState<{ id: string; patientId: string } | null>(null);
  const form = useProblem();
  const levels = useCall('stock.levels', { lowOnly: false }, ['stock', 'catalog']);
  const canSeeStock = rights.has('inventory.view') && !levels.error;
  const stock = useMemo(
    () =>
      canSeeStock
        ? new Map(
            (levels.data ?? [])
              .filter((l) => l.warehouseId === warehouseId)
              .map((l) => [l.goodId, l.level]),
          )
        : null,
    [canSeeStock, levels.data, warehouseId],
  );

  const add = (good: CatalogItem) => {
    form.clear('lines');
    setCart((c) => {
      const found = c.find((l) => l.good.id === good.id);
      if (!found) return [...c, { good, qty: '1' }];
      const n = readCount(found.qty);
      return c.map((l) =>
        l.good.id === good.id ? { ...l, qty: String((n && Number.isInteger(n) ? n : 0) + 1) } : l,
      );
    });
  };

  const scan = () => {
    const code = toLatinDigits(barcode).trim();
    if (!code) return;
    const good = goods.find((g) => g.barcode === code);
    if (!good) return form.refuse({ barcode: `کالایی با بارکد ${code} ثبت نشده است.` });
    add(good);
    setBarcode('');
  };

  const total = cart.reduce((s, l) => {
    const n = readCount(l.qty);
    return s + (n !== undefined && Number.isFinite(n) ? l.good.priceRial * n : 0);
  }, 0);

  const issue = () => {
    const local: Record<string, string> = {};
    if (!patient) local.patientId = 'بیمار (خریدار) را انتخاب کنید.';
    cart.forEach((l) => {
      const n = readCount(l.qty);
      if (n === undefined || Number.isNaN(n))
        local.lines = `تعداد «${l.good.name}» را به عدد وارد کنید.`;
    });
    if (Object.keys(local).length) return form.refuse(local);
    return form.run(async () => {
      const invoice = await bridge.call('invoices.issue', {
        kind: 'shop',
        patientId: patient!.id,
        warehouseId,
        lines: cart.map((l) => ({
          kind: 'good' as const,
          itemId: l.good.id,
          qty: readCount(l.qty)!,
        })),
      });
      setCart([]);
      setIssued({ id: invoice.id, patientId: invoice.patientId });
    });
  };

  const f = form.fields;
  const lineProblem =
    form.problem && Object.keys(f).some((k) => k.startsWith('lines')) ? form.problem : null;
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 1fr) 360px',
        gap: 2,
        alignItems: 'start',
      }}
    >
      <Paper
        variant="outlined"
        sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }}
      >
        <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}>
          <TextField
            name="barcode"
            label="بارکد"
            autoFocus
            value={barcode}
            onChange={(e) => {
              setBarcode(e.target.value);
              form.clear('barcode');
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                scan();
              }
            }}
            error={!!f.barcode}
            helperText={f.barcode ?? 'با بارکدخوان بخوانید یا بنویسید و Enter بزنید'}
            slotProps={{
              htmlInput: latinInput,
              input: { startAdornment: <QrCodeScannerIcon color="action" sx={{ ml: 1 }} /> },
            }}
          />
          <Autocomplete
            options={goods}
            value={picked}
            onChange={(_e, g) => {
              if (g) add(g);
              setPicked(null);
            }}
            getOptionLabel={(g) => g.name}
            noOptionsText="کالایی با این نام نیست"
            renderInput={(params) => (
              <TextField
                {...params}
                label="افزودن با نام کالا"
                helperText="نام را بنویسید و انتخاب کنید"
              />
            )}
          />
        </Box>
        {lineProblem && (
          <Alert severity="error" role="alert" data-testid="cart-problem">
            {lineProblem.message}
          </Alert>
        )}
        {cart.length === 0 ? (
          <EmptyState
            icon={<ShoppingCartIcon color="disabled" sx={{ fontSize: 48 }} />}
            title="سبد خالی است"
            text="بارکد کالا را بخوانید یا نام آن را بنویسید؛ هر بار خواندن همان بارکد یکی به تعداد اضافه می‌کند."
          />
        ) : (
          <CartTable
            lines={cart}
            onChange={(c) => {
              setCart(c);
              form.clear('lines');
            }}
            unit={unit}
            stock={stock}
          />
        )}
      </Paper>
      <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
        {!lineProblem && <ProblemAlert problem={form.problem} fields={FIELDS} />}
        <PatientPicker
          label="خریدار (بیمار)"
          value={patient}
          onChange={(p) => {
            setPatient(p);
            form.clear('patientId');
          }}
          error={!!f.patientId}
          helperText={f.patientId}
        />
        <TextField
          select
          name="warehouseId"
          label="انبار"
          value={warehouseId}
          onChange={(e) => {
            setWarehouseId(e.target.value);
            form.clear('warehouseId');
          }}
          error={!!f.warehouseId}
          helperText={f.warehouseId ?? 'کالا از این انبار کم می‌شود'}
        >
          {warehouses.map((w) => (
            <MenuItem key={w.id} value={w.id}>
              {w.name}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography color="text.secondary">جمع فاکتور</Typography>
          <Typography sx={{ fontSize: 22, fontWeight: 700 }} data-testid="cart-total">
            {moneyText(total, unit)}
          </Typography>
        </Box>
        <Button
          variant="contained"
          size="large"
          disabled={cart.length === 0 || form.busy || !rights.has('cashier.receive')}
          onClick={() => void issue()}
        >
          صدور فاکتور
        </Button>
        {!rights.has('cashier.receive') && (
          <Typography variant="body2" color="text.secondary">
            صدور فاکتور به دسترسی «دریافت وجه» نیاز دارد.
          </Typography>
        )}
      </Paper>
      {issued && (
        <InvoiceDialog
          id={issued.id}
          patientId={issued.patientId}
          onClose={() => setIssued(null)}
        />
      )}
    </Box>
  );
}
