import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { BridgeError } from '../../../../shared/api/bridge-error';
import { bridge } from '../../lib/bridge';

const ltr = { dir: 'ltr' as const, style: { textAlign: 'right' as const } };

/** Connecting this desk to a center: the manager's mobile and password, then the SMS code. */
export function EnrollForm({ onDone }: { onDone(centerName: string): void }) {
  const [serverUrl, setServerUrl] = useState(
    () => `${window.location.protocol}//${window.location.hostname}:5190`,
  );
  const [mobile, setMobile] = useState('');
  const [password, setPassword] = useState('');
  const [deviceName, setDeviceName] = useState('رایانهٔ پذیرش');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<{ enrollmentId: string; sentTo: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await fn();
    } catch (e) {
      if (e instanceof BridgeError) {
        setError(e.message);
        setFields(e.fields);
      } else setError('انجام نشد؛ دوباره تلاش کنید.');
    } finally {
      setBusy(false);
    }
  };

  const start = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const res = await bridge.call('sync.enrollStart', {
        serverUrl,
        mobile,
        password,
        deviceName,
      });
      setStep({ enrollmentId: res.enrollmentId, sentTo: res.sentTo });
    });
  };

  const finish = (event: FormEvent) => {
    event.preventDefault();
    if (!step) return;
    void run(async () => {
      const res = await bridge.call('sync.enrollFinish', { enrollmentId: step.enrollmentId, code });
      onDone(res.centerName);
    });
  };

  return (
    <Box
      component="form"
      onSubmit={step ? finish : start}
      noValidate
      sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 460 }}
    >
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      {!step ? (
        <>
          <TextField
            name="serverUrl"
            label="نشانی سرور مرکز"
            value={serverUrl}
            onChange={(e) => setServerUrl(e.target.value)}
            error={!!fields.serverUrl}
            helperText={fields.serverUrl}
            slotProps={{ htmlInput: ltr }}
          />
          <TextField
            name="mobile"
            label="شمارهٔ همراه مدیر مرکز"
            value={mobile}
            onChange={(e) => setMobile(e.target.value)}
            error={!!fields.mobile}
            helperText={fields.mobile}
            slotProps={{ htmlInput: { ...ltr, inputMode: 'tel' } }}
          />
          <TextField
            name="password"
            type="password"
            label="گذرواژهٔ مدیر"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={!!fields.password}
            helperText={fields.password}
          />
          <TextField
            name="deviceName"
            label="نام این رایانه"
            value={deviceName}
            onChange={(e) => setDeviceName(e.target.value)}
            error={!!fields.deviceName}
            helperText={fields.deviceName ?? 'برای شناختن این رایانه در فهرست دستگاه‌های مرکز'}
          />
          <Button type="submit" variant="contained" disabled={busy}>
            ارسال کد تأیید
          </Button>
        </>
      ) : (
        <>
          <Typography>
            کد تأیید به شمارهٔ <span dir="ltr">{step.sentTo}</span> پیامک شد.
          </Typography>
          <TextField
            name="code"
            label="کد تأیید"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoFocus
            error={!!fields.code}
            helperText={fields.code}
            slotProps={{ htmlInput: { ...ltr, inputMode: 'numeric', maxLength: 10 } }}
          />
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button type="submit" variant="contained" disabled={busy}>
              اتصال به مرکز
            </Button>
            <Button onClick={() => setStep(null)} disabled={busy}>
              بازگشت
            </Button>
          </Box>
        </>
      )}
    </Box>
  );
}
