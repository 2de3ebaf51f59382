import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWalletOutlined';
import RefreshIcon from '@mui/icons-material/Refresh';
import type { SmsBalanceResponse } from '../../../../shared/sync/protocol';
import { useCall } from '../../hooks/use-call';
import { useMoneyUnit } from '../../hooks/use-center';
import { useRights } from '../../hooks/use-rights';
import { faNumber } from '../../lib/format';
import { moneyText } from '../../lib/money';
import { SMS_PROVIDER_LABELS } from './provider-labels';

function amountText(b: SmsBalanceResponse, unit: ReturnType<typeof useMoneyUnit>): string {
  if (b.amount === null) return 'ندارد';
  return b.unit === 'rial' ? moneyText(b.amount, unit) : `${faNumber.format(b.amount)} پیامک`;
}

/**
 * The SMS account's balance, asked of the provider through the center's server (online only). The
 * local outbox has none: it says so and points to the provider settings.
 */
export function SmsBalance({ settingsLink: withLink = true }: { settingsLink?: boolean }) {
  const unit = useMoneyUnit();
  const canManage = useRights().has('sms.manage');
  const { data, error, loading, reload } = useCall('messages.balance', {});
  const settingsLink = withLink && canManage && (
    <Button size="small" component={RouterLink} to="/settings/sms">
      تنظیم سرویس پیامک
    </Button>
  );
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label="مانده حساب پیامک"
      sx={{ p: 2, display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}
    >
      <AccountBalanceWalletIcon color="primary" />
      <Box sx={{ flexGrow: 1, minWidth: 240 }}>
        <Typography variant="body2" color="text.secondary">
          مانده حساب پیامک
          {data ? ` — ${SMS_PROVIDER_LABELS[data.provider]}` : ''}
        </Typography>
        {error && !data ? (
          <Alert severity="warning" sx={{ mt: 0.5, py: 0 }} data-testid="sms-balance-error">
            {error.message}
          </Alert>
        ) : (
          <Typography sx={{ fontSize: 20, fontWeight: 700 }} data-testid="sms-balance">
            {data ? amountText(data, unit) : loading ? '…' : '—'}
          </Typography>
        )}
        {data?.provider === 'outbox' && (
          <Typography variant="caption" color="text.secondary">
            پیامک‌ها فعلاً در صندوق محلی سرور نوشته می‌شوند و به گوشی بیماران نمی‌رسند؛ برای ارسال
            واقعی، سرویس پیامک (کاوه‌نگار یا SMS.ir) را تنظیم کنید.
          </Typography>
        )}
      </Box>
      {settingsLink}
      <Button size="small" startIcon={<RefreshIcon />} disabled={loading} onClick={reload}>
        به‌روزرسانی
      </Button>
    </Paper>
  );
}
