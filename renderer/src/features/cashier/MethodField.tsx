import { useNavigate } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import PaymentsIcon from '@mui/icons-material/PaymentsOutlined';
import CreditCardIcon from '@mui/icons-material/CreditCard';
import AccountBalanceIcon from '@mui/icons-material/AccountBalanceOutlined';
import { METHOD_LABELS } from '../../../../shared/domain/ledger';
import { useCall } from '../../hooks/use-call';
import { latinInput } from '../../lib/inputs';

export type HandMethod = 'cash' | 'card' | 'transfer';

const ICONS: Record<HandMethod, React.ReactElement> = {
  cash: <PaymentsIcon fontSize="small" />,
  card: <CreditCardIcon fontSize="small" />,
  transfer: <AccountBalanceIcon fontSize="small" />,
};

/** How money changes hands at the desk: cash, a card on the POS terminal, or a bank transfer. */
export function MethodField({
  value,
  onChange,
  error,
}: {
  value: HandMethod;
  onChange(method: HandMethod): void;
  error?: string;
}) {
  return (
    <Box>
      <ToggleButtonGroup
        exclusive
        fullWidth
        color="primary"
        size="small"
        value={value}
        aria-label="روش پرداخت"
        onChange={(_e, v: HandMethod | null) => v && onChange(v)}
      >
        {(['cash', 'card', 'transfer'] as const).map((m) => (
          <ToggleButton key={m} value={m} sx={{ gap: 1 }}>
            {ICONS[m]}
            {METHOD_LABELS[m]}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {error && <FormHelperText error>{error}</FormHelperText>}
    </Box>
  );
}

/** The POS terminal's or the bank's tracking number (not needed for cash). */
export function ReferenceField({
  method,
  value,
  onChange,
  error,
}: {
  method: HandMethod;
  value: string;
  onChange(value: string): void;
  error?: string;
}) {
  if (method === 'cash') return null;
  return (
    <TextField
      name="reference"
      label={method === 'card' ? 'شمارهٔ پیگیری کارتخوان' : 'شمارهٔ پیگیری واریز'}
      required
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={!!error}
      helperText={error ?? 'از رسید کارتخوان یا پیامک بانک'}
      slotProps={{ htmlInput: latinInput }}
    />
  );
}

/**
 * Cash and card go through the cashier's box: when it is closed, say so before the person types
 * (the core refuses it too) and offer to open it.
 */
export function BoxClosedWarning({ method }: { method: HandMethod }) {
  const navigate = useNavigate();
  const { data } = useCall('cashier.box', {}, ['ledger']);
  if (!data || data.box || method === 'transfer') return null;
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      data-testid="box-closed"
      action={
        <Button color="inherit" size="small" onClick={() => navigate('/cashier/box')}>
          باز کردن صندوق
        </Button>
      }
    >
      صندوق شما بسته است؛ برای دریافت و پرداخت نقدی یا کارتی، نخست صندوق را باز کنید.
    </Alert>
  );
}
