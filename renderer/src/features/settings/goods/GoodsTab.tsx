import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import Inventory2Icon from '@mui/icons-material/Inventory2Outlined';
import WarehouseIcon from '@mui/icons-material/WarehouseOutlined';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import type { CatalogItem } from '../../../../../shared/domain/catalog';
import { EmptyState } from '../../../components/EmptyState';
import { ModuleMissing } from '../../../components/ModuleMissing';
import { useCall } from '../../../hooks/use-call';
import { useMoneyUnit } from '../../../hooks/use-center';
import { useInventoryModule } from '../../../hooks/use-modules';
import { useRights } from '../../../hooks/use-rights';
import { faNumber } from '../../../lib/format';
import { gridLocaleText } from '../../../lib/grid-locale';
import { moneyText } from '../../../lib/money';
import { useNotify } from '../../../state/notify-store';
import { GoodDialog } from './GoodDialog';
import { WarehouseDialog } from './WarehouseDialog';

type Editing =
  { kind: 'good'; item: CatalogItem | null } | { kind: 'warehouse'; item: CatalogItem | null };

const activeChip = (active: boolean) =>
  active ? (
    <Chip size="small" color="success" variant="outlined" label="فعال" />
  ) : (
    <Chip size="small" label="غیرفعال" />
  );

/** Goods (name, barcode, unit, sale price, reorder level) and warehouses: the inventory module (C6). */
export function GoodsTab() {
  const module = useInventoryModule();
  const { data, error } = useCall('catalog.listAll', {}, ['catalog']);
  const unit = useMoneyUnit();
  const canEdit = useRights().has('inventory.edit');
  const notify = useNotify((s) => s.notify);
  const [editing, setEditing] = useState<Editing | null>(null);

  if (!module.loaded) return <CircularProgress aria-label="در حال بارگذاری" />;
  if (!module.enabled) return <ModuleMissing what="تعریف کالاها و انبارها" />;
  if (error && !data) return <Alert severity="error">{error.message}</Alert>;
  if (!data) return <CircularProgress aria-label="در حال بارگذاری" />;

  const columns: GridColDef<CatalogItem>[] = [
    { field: 'name', headerName: 'کالا', flex: 1.5, minWidth: 160 },
    {
      field: 'barcode',
      headerName: 'بارکد',
      width: 150,
      renderCell: ({ value }) =>
        value ? (
          <Box component="span" dir="ltr" sx={{ fontFamily: 'Vazirmatn, monospace' }}>
            {value as string}
          </Box>
        ) : (
          '—'
        ),
    },
    { field: 'unit', headerName: 'واحد', width: 80 },
    {
      field: 'priceRial',
      headerName: 'قیمت فروش',
      flex: 1,
      minWidth: 130,
      valueFormatter: (v: number) => moneyText(v, unit),
    },
    {
      field: 'reorderLevel',
      headerName: 'حد سفارش',
      width: 100,
      valueFormatter: (v: number) => faNumber.format(v),
    },
    {
      field: 'active',
      headerName: 'وضعیت',
      width: 90,
      renderCell: ({ value }) => activeChip(!!value),
    },
  ];

  const close = () => setEditing(null);
  const saved = (what: string) => (item: CatalogItem, created: boolean) => {
    close();
    notify(created ? `${what} «${item.name}» ثبت شد.` : `تغییرات ${what} «${item.name}» ذخیره شد.`);
  };

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 300px', gap: 2 }}>
      <Paper variant="outlined" sx={{ minWidth: 0 }} component="section" aria-label="کالاها">
        <Box sx={{ display: 'flex', alignItems: 'center', p: 2, pb: 1 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, flexGrow: 1 }}>
            کالاها
          </Typography>
          {canEdit && (
            <Button
              variant="contained"
              startIcon={<AddIcon />}
              onClick={() => setEditing({ kind: 'good', item: null })}
            >
              کالای تازه
            </Button>
          )}
        </Box>
        {data.goods.length === 0 ? (
          <EmptyState
            icon={<Inventory2Icon color="disabled" sx={{ fontSize: 48 }} />}
            title="هنوز کالایی تعریف نشده است"
            text="کالاهایی را که مرکز می‌فروشد یا در خدمات مصرف می‌کند ثبت کنید: نام، بارکد (برای فروش با بارکدخوان)، واحد، قیمت فروش و حد سفارش برای هشدار کمبود."
          />
        ) : (
          <DataGrid
            rows={data.goods}
            columns={columns}
            autoHeight
            hideFooter={data.goods.length <= 100}
            disableColumnMenu
            disableRowSelectionOnClick
            onRowClick={canEdit ? (p) => setEditing({ kind: 'good', item: p.row }) : undefined}
            localeText={gridLocaleText}
            sx={{ border: 0, '& .MuiDataGrid-row': { cursor: canEdit ? 'pointer' : 'default' } }}
          />
        )}
      </Paper>
      <Paper
        variant="outlined"
        sx={{ alignSelf: 'start' }}
        component="section"
        aria-label="انبارها"
      >
        <Box sx={{ display: 'flex', alignItems: 'center', p: 2, pb: 0 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, flexGrow: 1 }}>
            انبارها
          </Typography>
          {canEdit && (
            <Button
              size="small"
              startIcon={<AddIcon />}
              onClick={() => setEditing({ kind: 'warehouse', item: null })}
            >
              انبار تازه
            </Button>
          )}
        </Box>
        {data.warehouses.length === 0 ? (
          <EmptyState
            icon={<WarehouseIcon color="disabled" sx={{ fontSize: 40 }} />}
            title="انباری نیست"
            text="دست‌کم یک انبار بسازید (مانند «انبار مرکزی» یا «قفسهٔ پذیرش»)؛ موجودی هر کالا در هر انبار جدا نگه داشته می‌شود."
          />
        ) : (
          <List dense sx={{ px: 1, pb: 1 }}>
            {data.warehouses.map((w) => (
              <ListItemButton
                key={w.id}
                disabled={!canEdit}
                onClick={() => setEditing({ kind: 'warehouse', item: w })}
                sx={{ borderRadius: 2, '&.Mui-disabled': { opacity: 1 } }}
              >
                <ListItemText primary={w.name} />
                {activeChip(w.active)}
              </ListItemButton>
            ))}
          </List>
        )}
      </Paper>
      {editing?.kind === 'good' && (
        <GoodDialog good={editing.item} unit={unit} onClose={close} onSaved={saved('کالا')} />
      )}
      {editing?.kind === 'warehouse' && (
        <WarehouseDialog warehouse={editing.item} onClose={close} onSaved={saved('انبار')} />
      )}
    </Box>
  );
}
