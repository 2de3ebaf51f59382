import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import LockIcon from '@mui/icons-material/LockOutlined';
import LockOpenIcon from '@mui/icons-material/LockOpenOutlined';
import type { LedgerEntry } from '../../../../shared/domain/ledger';
import { MoneyField } from '../../components/MoneyField';
import { useCall } from '../../hooks/use-call';
import { useMoneyUnit } from '../../hooks/use-center';
import { useProblem } from '../../hooks/use-problem';
import { useRights } from '../../hooks/use-rights';
import { bridge } from '../../lib/bridge';
import { faNumber, jalaliDateTime } from '../../lib/format';
import { moneyText, readAmount } from '../../lib/money';
import { useNotify } from '../../state/notify-store';
import { CloseBoxDialog, differenceText } from './CloseBoxDialog';

function Stat({
  label,
  value,
  strong,
  testId,
}: {
  label: string;
  value: string;
  strong?: boolean;
  testId: string;
}) {
  return (
    <Box sx={{ display: 'flex', justifyContent: 'space-between', py: 0.75, gap: 2 }}>
      <Typography color="text.secondary">{label}</Typography>
      <Typography
        sx={{ fontWeight: strong ? 700 : 500, fontSize: strong ? 18 : undefined }}
        data-testid={testId}
      >
        {value}
      </Typography>
    </Box>
  );
}

/**
 * The cashier's own box for the shift (B6): opened with the cash in it, then the live expected
 * cash, cash in and out and the card total; closed with the counted cash and the difference.
 */
export function BoxPanel() {
  const unit = useMoneyUnit();
  const rights = useRights();
  const notify = useNotify((s) => s.notify);
  const { data, error } = useCall('cashier.box', {}, ['ledger']);
  const [opening, setOpening] = useState('');
  const [closing, setClosing] = useState(false);
  const [closed, setClosed] = useState<LedgerEntry | null>(null);
  const form = useProblem();

  const open = () => {
    const read = readAmount(opening, unit, 'موجودی آغاز');
    if (read.problem) return form.refuse({ openingRial: read.problem });
    return form.run(async () => {
      await bridge.call('cashier.openBox', { openingRial: read.rial! });
      setOpening('');
      setClosed(null);
      notify('صندوق باز شد.');
    });
  };

  const box = data?.box;
  return (
    <Paper variant="outlined" component="section" aria-label="صندوق من" sx={{ p: 2.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5 }}>
        {box ? <LockOpenIcon color="success" /> : <LockIcon color="disabled" />}
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          صندوق من
        </Typography>
        <Chip
          size="small"
          color={box ? 'success' : 'default'}
          label={box ? 'باز' : 'بسته'}
          data-testid="box-state"
        />
      </Box>
      {error && <Alert severity="error">{error.message}</Alert>}
      {closed && (
        <Alert
          severity={closed.countedRial === closed.expectedRial ? 'success' : 'warning'}
          sx={{ mb: 2, '& .MuiAlert-message': { flexGrow: 1 } }}
          data-testid="box-closed-result"
        >
          <Typography sx={{ fontWeight: 700, mb: 0.5 }}>صندوق بسته شد</Typography>
          <Box sx={{ display: 'flex', justifyContent: 'space-between' }}>
            <span>شمارش‌شده</span>
            <span>{moneyText(closed.countedRial, unit)}</span>
          </Box>
          <Box sx={{ display: 'flex', justifyContent: 'space-between' }}>
            <span>مورد انتظار</span>
            <span>{moneyText(closed.expectedRial, unit)}</span>
          </Box>
          <Box sx={{ display: 'flex', justifyContent: 'space-between', fontWeight: 700, mt: 0.5 }}>
            <span>اختلاف</span>
            <span data-testid="box-difference">
              {differenceText(closed.countedRial, closed.expectedRial, unit)}
            </span>
          </Box>
        </Alert>
      )}
      {data && !box && (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Typography color="text.secondary">
            در آغاز شیفت، وجه نقد داخل صندوق را بشمارید و صندوق را باز کنید. دریافت‌های نقدی و
            کارتخوان این شیفت به همین صندوق نوشته می‌شود.
          </Typography>
          {rights.has('cashier.receive') ? (
            <>
              <MoneyField
                name="openingRial"
                label="موجودی نقد آغاز شیفت"
                unit={unit}
                value={opening}
                onChange={(v) => {
                  setOpening(v);
                  form.clear('openingRial');
                }}
                error={!!form.fields.openingRial}
                helperText={form.fields.openingRial ?? form.problem?.message}
              />
              <Button variant="contained" disabled={form.busy} onClick={() => void open()}>
                باز کردن صندوق
              </Button>
            </>
          ) : (
            <Alert severity="info">اجازهٔ دریافت وجه و باز کردن صندوق را ندارید.</Alert>
          )}
        </Box>
      )}
      {data && box && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            باز شده در {jalaliDateTime(box.createdAt)} — {faNumber.format(data.entries)} تراکنش در
            این شیفت
          </Typography>
          <Stat label="موجودی آغاز" value={moneyText(box.amountRial, unit)} testId="box-opening" />
          <Stat label="دریافت نقدی" value={moneyText(data.cashInRial, unit)} testId="box-cash-in" />
          <Stat
            label="پرداخت نقدی"
            value={moneyText(data.cashOutRial, unit)}
            testId="box-cash-out"
          />
          <Stat label="کارتخوان" value={moneyText(data.cardRial, unit)} testId="box-card" />
          <Box sx={{ borderTop: 1, borderColor: 'divider', mt: 1, pt: 1 }}>
            <Stat
              label="نقد مورد انتظار"
              value={moneyText(data.expectedCashRial, unit)}
              strong
              testId="box-expected"
            />
          </Box>
          {rights.has('cashier.close') && (
            <Button
              variant="outlined"
              fullWidth
              sx={{ mt: 2 }}
              startIcon={<LockIcon />}
              onClick={() => setClosing(true)}
            >
              بستن صندوق
            </Button>
          )}
        </>
      )}
      {closing && data && (
        <CloseBoxDialog
          expectedRial={data.expectedCashRial}
          unit={unit}
          onClose={() => setClosing(false)}
          onDone={(entry) => {
            setClosing(false);
            setClosed(entry);
          }}
        />
      )}
    </Paper>
  );
}
