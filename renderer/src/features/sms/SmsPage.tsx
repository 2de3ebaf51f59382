import { Navigate, useNavigate, useParams } from 'react-router';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { QueueTab } from './QueueTab';
import { SmsSettingsTab } from './SmsSettingsTab';

const TABS = [
  { id: 'queue', label: 'صف پیامک', page: QueueTab },
  { id: 'texts', label: 'متن‌ها و تنظیمات', page: SmsSettingsTab },
] as const;

/** SMS (B7, C9): the queue and the center's automatic texts. */
export function SmsPage() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const current = TABS.find((t) => t.id === tab);
  if (!current) return <Navigate to="/sms/queue" replace />;
  const Page = current.page;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography variant="h5" component="h1">
        پیامک‌ها
      </Typography>
      <Tabs
        value={current.id}
        onChange={(_e, id: string) => navigate(`/sms/${id}`)}
        aria-label="بخش‌های پیامک"
        sx={{ borderBottom: 1, borderColor: 'divider' }}
      >
        {TABS.map((t) => (
          <Tab key={t.id} value={t.id} label={t.label} />
        ))}
      </Tabs>
      <Page />
    </Box>
  );
}
