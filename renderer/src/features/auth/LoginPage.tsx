import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import { BridgeError } from '../../../../shared/api/bridge-error';
import { bridge } from '../../lib/bridge';
import { useAuth } from '../../state/auth-store';

/** Staff log in with mobile and password; checked on this desk, so it works offline too. */
export function LoginPage({ centerName }: { centerName: string | null }) {
  const loggedIn = useAuth((s) => s.loggedIn);
  const [mobile, setMobile] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      loggedIn(await bridge.call('auth.login', { mobile, password }));
    } catch (e) {
      if (e instanceof BridgeError) {
        setFields(e.fields);
        setError(e.message);
      } else setError('ورود انجام نشد.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }}>
      <Paper variant="outlined" sx={{ p: 4, width: '100%', maxWidth: 400 }}>
        <form onSubmit={submit} noValidate>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
            <LocalHospitalIcon color="primary" />
            <Typography variant="h6" component="h1">
              ورود به میز پذیرش
            </Typography>
          </Box>
          {centerName && (
            <Typography color="text.secondary" sx={{ mb: 3 }}>
              {centerName}
            </Typography>
          )}
          {error && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {error}
            </Alert>
          )}
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <TextField
              name="mobile"
              label="شمارهٔ همراه"
              value={mobile}
              onChange={(e) => setMobile(e.target.value)}
              autoFocus
              autoComplete="username"
              error={!!fields.mobile}
              helperText={fields.mobile}
              slotProps={{
                htmlInput: { dir: 'ltr', inputMode: 'tel', style: { textAlign: 'right' } },
              }}
            />
            <TextField
              name="password"
              type="password"
              label="گذرواژه"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              error={!!fields.password}
            />
            <Button type="submit" variant="contained" size="large" disabled={busy}>
              ورود
            </Button>
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
            ورود روی همین رایانه بررسی می‌شود و بدون اینترنت هم کار می‌کند.
          </Typography>
        </form>
      </Paper>
    </Box>
  );
}
