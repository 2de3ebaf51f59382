import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import LogoutIcon from '@mui/icons-material/Logout';
import { useAuth } from '../state/auth-store';

/** Who is working at this desk, and the way out. */
export function UserArea() {
  const state = useAuth((s) => s.state);
  const logout = useAuth((s) => s.logout);
  if (!state?.session) return null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <Typography variant="body2" noWrap data-testid="session-name">
        {state.session.name}
      </Typography>
      <Button size="small" startIcon={<LogoutIcon />} onClick={() => void logout()}>
        خروج
      </Button>
    </Box>
  );
}
