import { Outlet, useLocation, useNavigate } from 'react-router';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Snackbar from '@mui/material/Snackbar';
import Alert from '@mui/material/Alert';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import { visibleSections } from './sections';
import { AccessGuard } from './AccessGuard';
import { StatusArea } from './StatusArea';
import { UserArea } from './UserArea';
import { useNotify } from '../state/notify-store';
import { useRights } from '../hooks/use-rights';

const DRAWER_WIDTH = 260;

export function AppFrame() {
  const location = useLocation();
  const navigate = useNavigate();
  const { notice, dismiss } = useNotify();
  const sections = visibleSections(useRights());

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar
        position="fixed"
        color="inherit"
        elevation={0}
        sx={{ zIndex: (t) => t.zIndex.drawer + 1, borderBottom: 1, borderColor: 'divider' }}
      >
        <Toolbar sx={{ gap: 2 }}>
          <LocalHospitalIcon color="primary" />
          <Typography variant="h6" component="div" noWrap sx={{ flexGrow: 1 }}>
            میز پذیرش کلینیک
          </Typography>
          <StatusArea onOpen={() => navigate('/sync')} />
          <UserArea />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        anchor="left"
        sx={{
          width: DRAWER_WIDTH,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' },
        }}
      >
        <Toolbar />
        <nav aria-label="بخش‌ها">
          <List dense sx={{ px: 1 }}>
            {sections.map((section) => {
              const selected = location.pathname.startsWith(section.path);
              return (
                <ListItemButton
                  key={section.path}
                  selected={selected}
                  disabled={!section.ready}
                  onClick={() => navigate(section.path)}
                  sx={{ borderRadius: 2, mb: 0.5 }}
                >
                  <ListItemIcon sx={{ minWidth: 38 }}>{section.icon}</ListItemIcon>
                  <ListItemText primary={section.title} />
                  {!section.ready && <Chip size="small" label="به‌زودی" variant="outlined" />}
                </ListItemButton>
              );
            })}
          </List>
        </nav>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar />
        <AccessGuard>
          <Outlet />
        </AccessGuard>
      </Box>
      <Snackbar
        key={notice?.id}
        open={notice !== null}
        autoHideDuration={4000}
        onClose={dismiss}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      >
        {notice ? (
          <Alert
            severity={notice.severity}
            onClose={dismiss}
            variant="filled"
            sx={{ width: '100%' }}
          >
            {notice.text}
          </Alert>
        ) : undefined}
      </Snackbar>
    </Box>
  );
}
