import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { PackageView } from '../../../../shared/api/appointments';
import type { Patient } from '../../../../shared/domain/patients';
import { todayInTehran } from '../../../../shared/time/dates';
import { JalaliDateField } from '../../components/JalaliDateField';
import { MoneyField } from '../../components/MoneyField';
import { useCall } from '../../hooks/use-call';
import { useCatalog } from '../../hooks/use-people';
import { bridge } from '../../lib/bridge';
import { formMessage, problemOf, withoutField, type FormProblem } from '../../lib/errors';
import { ltrInput } from '../../lib/inputs';
import { amountInputText, amountToRial } from '../../lib/money';

const FIELDS = ['serviceId', 'sessions', 'priceRial', 'validUntil', 'notes'];

/** Sells a package of N sessions of a service (B4), priced in the center's money unit. */
export function SellPackageDialog({
  patient,
  onClose,
  onDone,
}: {
  patient: Patient;
  onClose(): void;
  onDone(sold: PackageView): void;
}) {
  const { services } = useCatalog();
  const unit = useCall('center.get', {}, ['center']).data?.center?.moneyUnit ?? 'toman';
  const [serviceId, setServiceId] = useState('');
  const [sessions, setSessions] = useState('10');
  const [price, setPrice] = useState('');
  const [priceTouched, setPriceTouched] = useState(false);
  const [validUntil, setValidUntil] = useState('');
  const [notes, setNotes] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const suggest = (id: string, count: string) => {
    const service = services.find((s) => s.id === id);
    const n = Number(count);
    if (!priceTouched && service && Number.isInteger(n) && n > 0) {
      setPrice(amountInputText(service.priceRial * n, unit));
    }
  };

  const submit = async () => {
    const count = Number(sessions.trim());
    const priceRial = amountToRial(price, unit);
    const local: Record<string, string> = {};
    if (!serviceId) local.serviceId = 'خدمت را انتخاب کنید.';
    if (!/^\d+$/.test(sessions.trim())) local.sessions = 'تعداد جلسات را به عدد وارد کنید.';
    if (priceRial === undefined) local.priceRial = 'مبلغ را وارد کنید.';
    else if (Number.isNaN(priceRial)) local.priceRial = 'مبلغ را به عدد وارد کنید.';
    if (validUntil === 'invalid-date') local.validUntil = 'تاریخ اعتبار معتبر نیست.';
    if (Object.keys(local).length) return setProblem({ message: '', fields: local });
    setBusy(true);
    try {
      const sold = await bridge.call('packages.sell', {
        patientId: patient.id,
        serviceId,
        sessions: count,
        priceRial: priceRial!,
        validUntil,
        notes,
      });
      onDone(sold);
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  };
  const f = problem?.fields ?? {};
  const message = formMessage(problem, FIELDS);

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="sell-title">
      <DialogTitle id="sell-title">
        فروش بستهٔ جلسه‌ای به {patient.firstName} {patient.lastName}
      </DialogTitle>
      <DialogContent dividers>
        {message && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {message}
          </Alert>
        )}
        <Grid container spacing={2}>
          <Grid size={12}>
            <TextField
              select
              name="serviceId"
              label="خدمت"
              required
              value={serviceId}
              onChange={(e) => {
                setServiceId(e.target.value);
                setProblem((p) => withoutField(p, 'serviceId'));
                suggest(e.target.value, sessions);
              }}
              error={!!f.serviceId}
              helperText={f.serviceId ?? 'هر جلسه یک نوبت از این خدمت است'}
            >
              {services.map((s) => (
                <MenuItem key={s.id} value={s.id}>
                  {s.name}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              name="sessions"
              label="تعداد جلسات"
              required
              value={sessions}
              onChange={(e) => {
                setSessions(e.target.value);
                setProblem((p) => withoutField(p, 'sessions'));
                suggest(serviceId, e.target.value);
              }}
              error={!!f.sessions}
              helperText={f.sessions}
              slotProps={{ htmlInput: { ...ltrInput, inputMode: 'numeric' } }}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 8 }}>
            <MoneyField
              name="priceRial"
              label="مبلغ کل بسته"
              required
              unit={unit}
              value={price}
              onChange={(v) => {
                setPrice(v);
                setPriceTouched(true);
                setProblem((p) => withoutField(p, 'priceRial'));
              }}
              error={!!f.priceRial}
              helperText={f.priceRial ?? 'پیشنهاد: بهای خدمت × تعداد جلسات'}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <JalaliDateField
              name="validUntil"
              label="معتبر تا"
              value={validUntil}
              minDate={todayInTehran()}
              onChange={(v) => {
                setValidUntil(v);
                setProblem((p) => withoutField(p, 'validUntil'));
              }}
              error={!!f.validUntil}
              helperText={f.validUntil ?? 'خالی: بدون تاریخ انقضا'}
            />
          </Grid>
          <Grid size={12}>
            <TextField
              name="notes"
              label="یادداشت"
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              error={!!f.notes}
              helperText={f.notes}
            />
          </Grid>
        </Grid>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose}>انصراف</Button>
        <Button variant="contained" disabled={busy} onClick={() => void submit()}>
          فروش بسته
        </Button>
      </DialogActions>
    </Dialog>
  );
}
