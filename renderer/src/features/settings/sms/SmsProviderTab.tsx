import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import {
  SMS_PROVIDER_CHOICES,
  type SmsSettingsResponse,
} from '../../../../../shared/sync/protocol';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useCall } from '../../../hooks/use-call';
import { useProblem } from '../../../hooks/use-problem';
import { useRights } from '../../../hooks/use-rights';
import { bridge } from '../../../lib/bridge';
import { jalaliDateTime } from '../../../lib/format';
import { latinInput } from '../../../lib/inputs';
import { useNotify } from '../../../state/notify-store';
import { SmsBalance } from '../../sms/SmsBalance';
import { SMS_PROVIDER_LABELS } from '../../sms/provider-labels';
import { FormSection } from '../FormSection';

/** Keys and codes keep Latin digits (the UI font would draw them Persian). */
function LatinText({ children }: { children: string }) {
  return (
    <Box component="bdi" dir="ltr" sx={{ fontFamily: latinInput.style.fontFamily }}>
      {children}
    </Box>
  );
}

type ProviderName = (typeof SMS_PROVIDER_CHOICES)[number];

const FIELDS = ['provider', 'sender', 'apiKey'];

const HINTS: Record<ProviderName, string> = {
  outbox:
    'پیش‌فرض نصب تازه: پیامک‌ها فقط در پوشهٔ صندوق سرور نوشته می‌شوند و به بیماران نمی‌رسند (برای آزمایش).',
  kavenegar:
    'کلید API را از پنل کاوه‌نگار (تنظیمات حساب ← کلید API) بردارید؛ شمارهٔ خط اختیاری است و بدون آن خط پیش‌فرض حساب به کار می‌رود.',
  smsir:
    'کلید API را از پنل SMS.ir (برنامه‌نویسان ← لیست کلیدهای API) بردارید؛ شمارهٔ خط ارسال لازم است.',
};

function Editor({ current, onSaved }: { current: SmsSettingsResponse; onSaved(): void }) {
  const notify = useNotify((s) => s.notify);
  const [provider, setProvider] = useState<ProviderName>(current.provider);
  const [sender, setSender] = useState(current.sender);
  const [apiKey, setApiKey] = useState('');
  const form = useProblem();
  const f = form.fields;
  // A stored key stays unless a new one is typed; it belongs to the provider it was saved for.
  const keyKept = provider === current.provider && current.apiKey !== null;

  const save = () =>
    form.run(async () => {
      const saved = await bridge.call('messages.saveProvider', {
        provider,
        sender: provider === 'outbox' ? '' : sender.trim(),
        ...(provider !== 'outbox' && apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
      });
      setApiKey('');
      notify(`سرویس پیامک «${SMS_PROVIDER_LABELS[saved.provider]}» ذخیره شد.`);
      onSaved();
    });

  return (
    <FormSection title="سرویس ارسال پیامک" hint={HINTS[provider]}>
      <ProblemAlert problem={form.problem} fields={FIELDS} />
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 640 }}>
        <ToggleButtonGroup
          exclusive
          color="primary"
          value={provider}
          onChange={(_e, v: ProviderName | null) => {
            if (!v) return;
            setProvider(v);
            form.clear('provider');
            form.clear('apiKey');
            form.clear('sender');
          }}
          aria-label="سرویس پیامک"
        >
          {SMS_PROVIDER_CHOICES.map((p) => (
            <ToggleButton key={p} value={p} sx={{ textTransform: 'none' }}>
              {SMS_PROVIDER_LABELS[p]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {provider !== 'outbox' && (
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 220px', gap: 2 }}>
            <TextField
              name="apiKey"
              label="کلید API"
              type="password"
              autoComplete="off"
              value={apiKey}
              required={!keyKept}
              onChange={(e) => {
                setApiKey(e.target.value);
                form.clear('apiKey');
              }}
              error={!!f.apiKey}
              helperText={
                f.apiKey ??
                (keyKept ? (
                  <>
                    کلید ذخیره‌شده: <LatinText>{current.apiKey ?? ''}</LatinText> — برای نگه داشتن
                    آن خالی بگذارید
                  </>
                ) : (
                  'کلید فقط روی سرور مرکز، رمزشده، نگه داشته می‌شود و دیگر نمایش داده نمی‌شود'
                ))
              }
              slotProps={{ htmlInput: latinInput }}
            />
            <TextField
              name="sender"
              label="شمارهٔ خط ارسال"
              value={sender}
              required={provider === 'smsir'}
              onChange={(e) => {
                setSender(e.target.value);
                form.clear('sender');
              }}
              error={!!f.sender}
              helperText={f.sender ?? (provider === 'smsir' ? 'فقط رقم' : 'اختیاری')}
              slotProps={{ htmlInput: { ...latinInput, inputMode: 'numeric' } }}
            />
          </Box>
        )}
        <Typography variant="body2" color="text.secondary" data-testid="sms-provider-state">
          {current.isDefault ? (
            'این مرکز هنوز سرویس پیامک خود را ثبت نکرده است؛ پیامک‌ها با سرویس پیش‌فرض سرور فرستاده می‌شوند.'
          ) : (
            <>
              اکنون: {SMS_PROVIDER_LABELS[current.provider]}
              {current.apiKey && (
                <>
                  {' '}
                  با کلید <LatinText>{current.apiKey}</LatinText>
                </>
              )}
              {current.updatedAt && ` — آخرین تغییر ${jalaliDateTime(current.updatedAt)}`}
            </>
          )}
        </Typography>
        <Box>
          <Button variant="contained" disabled={form.busy} onClick={() => void save()}>
            ذخیرهٔ سرویس پیامک
          </Button>
        </Box>
      </Box>
    </FormSection>
  );
}

/**
 * The center's SMS provider (B7): kept on the center's server, which does the sending; the API key
 * goes in and only comes back masked. Needs the server to be reachable.
 */
export function SmsProviderTab() {
  const canManage = useRights().has('sms.manage');
  const { data, error, reload } = useCall('messages.provider', {});
  if (!canManage)
    return <Alert severity="info">تنظیم سرویس پیامک با دسترسی «مدیریت پیامک‌ها» است.</Alert>;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 1100 }}>
      {error && !data && (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" size="small" onClick={reload}>
              تلاش دوباره
            </Button>
          }
        >
          {error.message}
        </Alert>
      )}
      {!data && !error && <CircularProgress aria-label="در حال بارگذاری" />}
      {data && (
        <Editor key={`${data.provider}|${data.updatedAt ?? ''}`} current={data} onSaved={reload} />
      )}
      {data && (
        <SmsBalance key={`balance|${data.provider}|${data.updatedAt ?? ''}`} settingsLink={false} />
      )}
    </Box>
  );
}
