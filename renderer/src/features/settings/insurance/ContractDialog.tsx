import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import InputAdornment from '@mui/material/InputAdornment';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { FULL_SHARE_BP, type CatalogItem } from '../../../../../shared/domain/catalog';
import { splitLine } from '../../../../../shared/domain/invoices';
import { MoneyField } from '../../../components/MoneyField';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useProblem } from '../../../hooks/use-problem';
import { bridge } from '../../../lib/bridge';
import { ltrInput } from '../../../lib/inputs';
import {
  amountInputText,
  amountToRial,
  bpToPercentText,
  moneyText,
  percentToBp,
  readAmount,
  type MoneyUnit,
} from '../../../lib/money';

const FIELDS = ['serviceId', 'tariffRial', 'insurerShareBp', 'active'];

/** What the contract means for one visit, in words, as the person types. */
function Example({
  insurer,
  tariff,
  shareBp,
  unit,
}: {
  insurer: CatalogItem;
  tariff: number | undefined;
  shareBp: number | undefined;
  unit: MoneyUnit;
}) {
  if (tariff === undefined || Number.isNaN(tariff) || shareBp === undefined) return null;
  if (Number.isNaN(shareBp) || shareBp < 0 || shareBp > FULL_SHARE_BP || tariff < 0) return null;
  const split = splitLine({
    unitPriceRial: Math.round(tariff),
    qty: 1,
    basicShareBp: shareBp,
    supplementaryShareBp: 0,
    discountRial: 0,
  });
  return (
    <Alert severity="info" data-testid="contract-example">
      {insurer.insurerType === 'basic'
        ? `برای هر بار این خدمت با تعرفهٔ ${moneyText(Math.round(tariff), unit)}، «${insurer.name}» ${moneyText(split.basicShareRial, unit)} و بیمار ${moneyText(split.patientRial, unit)} می‌پردازد (پیش از بیمهٔ تکمیلی).`
        : `«${insurer.name}» ${bpToPercentText(shareBp)} درصد از آنچه پس از بیمهٔ پایه بر عهدهٔ بیمار می‌ماند را می‌پردازد.`}
    </Alert>
  );
}

/** An insurer's contract for one service: the tariff it recognises and its share in percent. */
export function ContractDialog({
  insurer,
  contract,
  departments,
  services,
  taken,
  unit,
  onClose,
  onSaved,
}: {
  insurer: CatalogItem;
  contract: CatalogItem | null;
  departments: CatalogItem[];
  services: CatalogItem[];
  /** Services this insurer already has a contract for. */
  taken: ReadonlySet<string>;
  unit: MoneyUnit;
  onClose(): void;
  onSaved(saved: CatalogItem, created: boolean): void;
}) {
  const [serviceId, setServiceId] = useState(contract?.serviceId ?? '');
  const [tariff, setTariff] = useState(contract ? amountInputText(contract.tariffRial, unit) : '');
  const [share, setShare] = useState(contract ? bpToPercentText(contract.insurerShareBp) : '');
  const [active, setActive] = useState(contract?.active ?? true);
  const form = useProblem();
  const f = form.fields;
  const supplementary = insurer.insurerType === 'supplementary';

  const submit = () => {
    const local: Record<string, string> = {};
    if (!serviceId) local.serviceId = 'خدمت را انتخاب کنید.';
    const amount = readAmount(tariff, unit, 'تعرفه');
    if (amount.problem) local.tariffRial = amount.problem;
    const bp = percentToBp(share);
    if (bp === undefined) local.insurerShareBp = 'سهم بیمه را به درصد وارد کنید.';
    else if (Number.isNaN(bp))
      local.insurerShareBp = 'سهم را به عدد و حداکثر با دو رقم اعشار بنویسید (مانند ۷۰ یا ۱۲٫۵).';
    if (Object.keys(local).length) return form.refuse(local);
    return form.run(async () => {
      const saved = await bridge.call('catalog.saveContract', {
        ...(contract ? { id: contract.id } : {}),
        insurerId: insurer.id,
        serviceId,
        tariffRial: amount.rial!,
        insurerShareBp: bp!,
        active,
      });
      onSaved(saved, contract === null);
    });
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="contract-title">
      <DialogTitle id="contract-title">
        {contract ? `ویرایش قرارداد «${contract.name}»` : `قرارداد تازهٔ «${insurer.name}»`}
      </DialogTitle>
      <DialogContent dividers>
        <ProblemAlert problem={form.problem} fields={FIELDS} />
        <Grid container spacing={2}>
          <Grid size={12}>
            <TextField
              select
              name="serviceId"
              label="خدمت"
              required
              value={serviceId}
              disabled={contract !== null}
              onChange={(e) => {
                setServiceId(e.target.value);
                form.clear('serviceId');
                const service = services.find((s) => s.id === e.target.value);
                if (service && tariff === '') setTariff(amountInputText(service.priceRial, unit));
              }}
              error={!!f.serviceId}
              helperText={f.serviceId ?? 'خدمت‌هایی که قرارداد دارند کم‌رنگ‌اند'}
            >
              {departments.flatMap((d) => [
                <ListSubheader key={`h-${d.id}`}>{d.name}</ListSubheader>,
                ...services
                  .filter((s) => s.departmentId === d.id)
                  .map((s) => (
                    <MenuItem
                      key={s.id}
                      value={s.id}
                      disabled={taken.has(s.id) && s.id !== contract?.serviceId}
                    >
                      {s.name} — {moneyText(s.priceRial, unit)}
                    </MenuItem>
                  )),
              ])}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 7 }}>
            <MoneyField
              name="tariffRial"
              label="تعرفهٔ بیمه"
              required
              unit={unit}
              value={tariff}
              onChange={(v) => {
                setTariff(v);
                form.clear('tariffRial');
              }}
              error={!!f.tariffRial}
              helperText={
                f.tariffRial ??
                (supplementary
                  ? 'بیمهٔ تکمیلی بر پایهٔ تعرفهٔ بیمهٔ پایه (یا بهای خدمت) حساب می‌شود'
                  : 'صورت‌حساب بیمه‌شدگان با این تعرفه صادر می‌شود')
              }
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 5 }}>
            <TextField
              name="insurerShareBp"
              label="سهم بیمه"
              required
              value={share}
              onChange={(e) => {
                setShare(e.target.value);
                form.clear('insurerShareBp');
              }}
              error={!!f.insurerShareBp}
              helperText={f.insurerShareBp ?? 'درصد؛ از ۰ تا ۱۰۰'}
              slotProps={{
                htmlInput: { ...ltrInput, inputMode: 'decimal' },
                input: { endAdornment: <InputAdornment position="end">٪</InputAdornment> },
              }}
            />
          </Grid>
          <Grid size={12}>
            <Example
              insurer={insurer}
              tariff={amountToRial(tariff, unit)}
              shareBp={percentToBp(share)}
              unit={unit}
            />
          </Grid>
          <Grid size={12}>
            <FormControlLabel
              control={<Switch checked={active} onChange={(e) => setActive(e.target.checked)} />}
              label="قرارداد فعال است"
            />
          </Grid>
        </Grid>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose}>انصراف</Button>
        <Button variant="contained" disabled={form.busy} onClick={() => void submit()}>
          {contract ? 'ذخیرهٔ تغییرات' : 'ثبت قرارداد'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
