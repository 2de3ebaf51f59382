import { useEffect, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { LoginPage } from '../features/auth/LoginPage';
import { useAuth } from '../state/auth-store';
import { bridge } from '../lib/bridge';

/** A desk enrolled to a center needs a logged-in staff member; one working alone does not. */
export function AuthGate({ children }: { children: ReactNode }) {
  const { state, failed, load } = useAuth();
  useEffect(() => {
    void load();
    // Rights live in the staff and center documents: when either changes (here or through sync),
    // the menu follows without logging out.
    return bridge.on('data-changed', ({ collection }) => {
      if (collection === 'staff' || collection === 'center') void load();
    });
  }, [load]);

  if (failed) {
    return (
      <Box sx={{ p: 4 }}>
        <Alert severity="error">هستهٔ برنامه در دسترس نیست. برنامه را دوباره اجرا کنید.</Alert>
      </Box>
    );
  }
  if (!state) {
    return (
      <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <CircularProgress aria-label="در حال بارگذاری" />
      </Box>
    );
  }
  if (state.loginRequired && !state.session) return <LoginPage centerName={state.centerName} />;
  return <>{children}</>;
}
