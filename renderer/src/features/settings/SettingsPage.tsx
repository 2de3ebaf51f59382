import { Navigate, useNavigate, useParams } from 'react-router';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { CenterTab } from './center/CenterTab';
import { CatalogTab } from './catalog/CatalogTab';
import { StaffTab } from './staff/StaffTab';
import { KindRightsTab } from './rights/KindRightsTab';
import { LicenceTab } from './licence/LicenceTab';
import { HoursTab } from './hours/HoursTab';
import { ProfileMediaTab } from './profile/ProfileMediaTab';
import { InsuranceTab } from './insurance/InsuranceTab';
import { GoodsTab } from './goods/GoodsTab';
import { SmsProviderTab } from './sms/SmsProviderTab';

const TABS = [
  { id: 'center', label: 'مشخصات و قوانین مرکز', page: CenterTab },
  { id: 'catalog', label: 'بخش‌ها و خدمات', page: CatalogTab },
  { id: 'insurance', label: 'بیمه‌ها و قراردادها', page: InsuranceTab },
  { id: 'goods', label: 'کالاها و انبارها', page: GoodsTab },
  { id: 'sms', label: 'سرویس پیامک', page: SmsProviderTab },
  { id: 'media', label: 'گالری و نوشته‌ها', page: ProfileMediaTab },
  { id: 'staff', label: 'کارکنان', page: StaffTab },
  { id: 'hours', label: 'ساعات کاری', page: HoursTab },
  { id: 'rights', label: 'دسترسی نقش‌ها', page: KindRightsTab },
  { id: 'licence', label: 'اشتراک', page: LicenceTab },
] as const;

/** Center settings, one tab per part; the tab is in the address so it can be opened directly. */
export function SettingsPage() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const current = TABS.find((t) => t.id === tab);
  if (!current) return <Navigate to="/settings/center" replace />;
  const Page = current.page;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography variant="h5" component="h1">
        تنظیمات مرکز
      </Typography>
      <Tabs
        value={current.id}
        onChange={(_e, id: string) => navigate(`/settings/${id}`)}
        variant="scrollable"
        aria-label="بخش‌های تنظیمات"
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
