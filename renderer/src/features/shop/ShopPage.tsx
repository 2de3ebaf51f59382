import { Navigate, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import StorefrontIcon from '@mui/icons-material/StorefrontOutlined';
import { EmptyState } from '../../components/EmptyState';
import { ModuleMissing } from '../../components/ModuleMissing';
import { useCall } from '../../hooks/use-call';
import { useInventoryModule } from '../../hooks/use-modules';
import { useRights } from '../../hooks/use-rights';
import { DeliveriesTab } from './DeliveriesTab';
import { SellTab } from './SellTab';

/** The goods shop (B5): selling at the counter and handing goods over. */
export function ShopPage() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const rights = useRights();
  const module = useInventoryModule();
  const { data, error } = useCall('catalog.listAll', {}, ['catalog']);
  const tabs = [
    ...(rights.has('shop.sell') ? [{ id: 'sell', label: 'فروش' }] : []),
    ...(rights.any(['shop.deliver', 'shop.sell'])
      ? [{ id: 'deliveries', label: 'تحویل کالا' }]
      : []),
  ];
  const current = tabs.find((t) => t.id === tab);
  if (!current) return <Navigate to={`/shop/${tabs[0]?.id ?? 'deliveries'}`} replace />;

  const goods = (data?.goods ?? []).filter((g) => g.active);
  const warehouses = (data?.warehouses ?? []).filter((w) => w.active);
  let body: React.ReactNode;
  if (current.id === 'deliveries') body = <DeliveriesTab />;
  else if (error && !data) body = <Alert severity="error">{error.message}</Alert>;
  else if (!data || !module.loaded) body = <CircularProgress aria-label="در حال بارگذاری" />;
  else if (!module.enabled && goods.length === 0) body = <ModuleMissing what="فروش کالا" />;
  else if (goods.length === 0 || (module.enabled && warehouses.length === 0)) {
    body = (
      <Paper variant="outlined">
        <EmptyState
          icon={<StorefrontIcon color="disabled" sx={{ fontSize: 48 }} />}
          title={goods.length === 0 ? 'هنوز کالایی برای فروش نیست' : 'انباری تعریف نشده است'}
          text="برای فروش، کالاها (با بارکد و قیمت) و دست‌کم یک انبار را تعریف کنید و موجودی اول را از «انبار ← ورود کالا» ثبت کنید."
          action={
            rights.has('inventory.edit') && (
              <Button variant="contained" onClick={() => navigate('/inventory/goods')}>
                تعریف کالا و انبار
              </Button>
            )
          }
        />
      </Paper>
    );
  } else body = <SellTab goods={goods} warehouses={warehouses} />;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography variant="h5" component="h1">
        فروشگاه کالا
      </Typography>
      <Tabs
        value={current.id}
        onChange={(_e, id: string) => navigate(`/shop/${id}`)}
        aria-label="بخش‌های فروشگاه"
        sx={{ borderBottom: 1, borderColor: 'divider' }}
      >
        {tabs.map((t) => (
          <Tab key={t.id} value={t.id} label={t.label} />
        ))}
      </Tabs>
      {body}
    </Box>
  );
}
