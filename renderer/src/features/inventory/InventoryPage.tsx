import { useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import MoveToInboxIcon from '@mui/icons-material/MoveToInboxOutlined';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import TuneIcon from '@mui/icons-material/Tune';
import VaccinesIcon from '@mui/icons-material/VaccinesOutlined';
import { ModuleMissing } from '../../components/ModuleMissing';
import { useCall } from '../../hooks/use-call';
import { useInventoryModule } from '../../hooks/use-modules';
import { useRights } from '../../hooks/use-rights';
import { useNotify } from '../../state/notify-store';
import { GoodsTab } from '../settings/goods/GoodsTab';
import { LevelsTab } from './LevelsTab';
import { MovementsTab } from './MovementsTab';
import { StockDialog, type StockAction } from './StockDialog';

const TABS = [
  { id: 'levels', label: 'موجودی' },
  { id: 'movements', label: 'گردش کالا' },
  { id: 'goods', label: 'کالاها و انبارها' },
] as const;

const ACTIONS: { id: StockAction; label: string; icon: React.ReactElement }[] = [
  { id: 'receive', label: 'ورود کالا', icon: <MoveToInboxIcon /> },
  { id: 'transfer', label: 'انتقال', icon: <SwapHorizIcon /> },
  { id: 'adjust', label: 'اصلاح موجودی', icon: <TuneIcon /> },
  { id: 'consume', label: 'مصرف در خدمت', icon: <VaccinesIcon /> },
];

/**
 * The inventory (C6, a licensed module): stock per good and warehouse with low-stock alerts,
 * receipts, transfers, adjustments, goods used in services, and the movements behind the levels.
 */
export function InventoryPage() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const module = useInventoryModule();
  const canEdit = useRights().has('inventory.edit');
  const notify = useNotify((s) => s.notify);
  const { data, error } = useCall('catalog.listAll', {}, ['catalog']);
  const [acting, setActing] = useState<{
    action: StockAction;
    goodId?: string;
    warehouseId?: string;
  } | null>(null);
  const current = TABS.find((t) => t.id === tab);
  if (!current) return <Navigate to="/inventory/levels" replace />;

  const goods = (data?.goods ?? []).filter((g) => g.active);
  const warehouses = (data?.warehouses ?? []).filter((w) => w.active);
  const ready = goods.length > 0 && warehouses.length > 0;

  let body: React.ReactNode;
  if (!module.loaded || (!data && !error)) body = <CircularProgress aria-label="در حال بارگذاری" />;
  else if (!module.enabled) body = <ModuleMissing what="انبار" />;
  else if (error && !data) body = <Alert severity="error">{error.message}</Alert>;
  else if (current.id === 'goods') body = <GoodsTab />;
  else if (current.id === 'movements')
    body = <MovementsTab goods={goods} warehouses={warehouses} />;
  else
    body = (
      <LevelsTab
        warehouses={warehouses}
        onPick={
          canEdit
            ? (row) =>
                setActing({ action: 'receive', goodId: row.goodId, warehouseId: row.warehouseId })
            : undefined
        }
      />
    );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          انبار
        </Typography>
        {module.enabled &&
          canEdit &&
          ACTIONS.map((a) => (
            <Button
              key={a.id}
              variant={a.id === 'receive' ? 'contained' : 'outlined'}
              startIcon={a.icon}
              disabled={!ready || (a.id === 'transfer' && warehouses.length < 2)}
              title={ready ? undefined : 'نخست کالا و انبار را تعریف کنید'}
              onClick={() => setActing({ action: a.id })}
            >
              {a.label}
            </Button>
          ))}
      </Box>
      {module.enabled && (
        <Tabs
          value={current.id}
          onChange={(_e, id: string) => navigate(`/inventory/${id}`)}
          aria-label="بخش‌های انبار"
          sx={{ borderBottom: 1, borderColor: 'divider' }}
        >
          {TABS.map((t) => (
            <Tab key={t.id} value={t.id} label={t.label} />
          ))}
        </Tabs>
      )}
      {body}
      {acting && (
        <StockDialog
          action={acting.action}
          goods={goods}
          warehouses={warehouses}
          goodId={acting.goodId}
          warehouseId={acting.warehouseId}
          onClose={() => setActing(null)}
          onDone={(text) => {
            setActing(null);
            notify(text);
          }}
        />
      )}
    </Box>
  );
}
