import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import Inventory2Icon from '@mui/icons-material/Inventory2Outlined';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import type { StockLevel } from '../../../../shared/api/money';
import type { CatalogItem } from '../../../../shared/domain/catalog';
import { searchKey } from '../../../../shared/text/normalize';
import { EmptyState } from '../../components/EmptyState';
import { useCall } from '../../hooks/use-call';
import { faNumber } from '../../lib/format';
import { gridLocaleText } from '../../lib/grid-locale';
import { emptySelectProps } from '../../lib/inputs';

/** Stock of every good in every warehouse (C6); what is at or under its reorder level stands out. */
export function LevelsTab({
  warehouses,
  onPick,
}: {
  warehouses: CatalogItem[];
  /** A row chosen: act on that good in that warehouse. */
  onPick?(row: StockLevel): void;
}) {
  const [warehouseId, setWarehouseId] = useState('');
  const [lowOnly, setLowOnly] = useState(false);
  const [text, setText] = useState('');
  const { data, error } = useCall('stock.levels', { lowOnly }, ['stock', 'catalog']);
  const key = searchKey(text);
  const rows = (data ?? []).filter(
    (r) =>
      (!warehouseId || r.warehouseId === warehouseId) &&
      (!key || searchKey(r.goodName).includes(key) || r.barcode.includes(text.trim())),
  );
  const low = (data ?? []).filter((r) => r.low && (!warehouseId || r.warehouseId === warehouseId));

  const columns: GridColDef<StockLevel>[] = [
    { field: 'goodName', headerName: 'کالا', flex: 1.4, minWidth: 160 },
    {
      field: 'barcode',
      headerName: 'بارکد',
      width: 140,
      renderCell: ({ value }) => <span dir="ltr">{(value as string) || '—'}</span>,
    },
    { field: 'warehouseName', headerName: 'انبار', flex: 1, minWidth: 120 },
    {
      field: 'level',
      headerName: 'موجودی',
      width: 120,
      renderCell: ({ row }) => (
        <Box component="span" sx={{ fontWeight: 700, color: row.low ? 'error.main' : undefined }}>
          {faNumber.format(row.level)} {row.unit}
        </Box>
      ),
    },
    {
      field: 'reorderLevel',
      headerName: 'حد سفارش',
      width: 100,
      valueFormatter: (v: number) => faNumber.format(v),
    },
    {
      field: 'low',
      headerName: 'وضعیت',
      width: 110,
      renderCell: ({ row }) =>
        row.low ? (
          <Chip size="small" color="error" icon={<WarningAmberIcon />} label="کمبود" />
        ) : (
          <Chip size="small" color="success" variant="outlined" label="کافی" />
        ),
    },
  ];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {low.length > 0 && (
        <Alert severity="warning" data-testid="low-stock">
          {faNumber.format(low.length)} قلم به حد سفارش رسیده یا کمتر است:{' '}
          {low
            .slice(0, 6)
            .map((r) => `${r.goodName} (${r.warehouseName}: ${faNumber.format(r.level)})`)
            .join('، ')}
          {low.length > 6 ? ' و …' : ''}
        </Alert>
      )}
      <Paper
        variant="outlined"
        role="search"
        aria-label="فیلتر موجودی"
        sx={{ p: 1.5, display: 'grid', gridTemplateColumns: '1.4fr 1fr auto', gap: 1.5 }}
      >
        <TextField
          type="search"
          label="جستجوی کالا"
          placeholder="نام یا بارکد"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <TextField
          select
          label="انبار"
          value={warehouseId}
          onChange={(e) => setWarehouseId(e.target.value)}
          slotProps={emptySelectProps}
        >
          <MenuItem value="">همهٔ انبارها</MenuItem>
          {warehouses.map((w) => (
            <MenuItem key={w.id} value={w.id}>
              {w.name}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={<Switch checked={lowOnly} onChange={(e) => setLowOnly(e.target.checked)} />}
          label="فقط کمبودها"
        />
      </Paper>
      {error && <Alert severity="error">{error.message}</Alert>}
      <Paper variant="outlined" sx={{ height: 'calc(100vh - 380px)', minHeight: 320 }}>
        <DataGrid
          rows={rows}
          columns={columns}
          getRowId={(r) => `${r.goodId}|${r.warehouseId}`}
          getRowClassName={(p) => (p.row.low ? 'low-stock' : '')}
          loading={!data && !error}
          disableColumnMenu
          disableRowSelectionOnClick
          onRowClick={onPick ? (p) => onPick(p.row) : undefined}
          localeText={gridLocaleText}
          slots={{
            noRowsOverlay: () => (
              <EmptyState
                icon={<Inventory2Icon color="disabled" sx={{ fontSize: 48 }} />}
                title={lowOnly ? 'کمبودی نیست' : 'موجودی‌ای برای نمایش نیست'}
                text="کالاها و انبارها را در «کالاها و انبارها» تعریف کنید و موجودی اول را با «ورود کالا» ثبت کنید."
              />
            ),
          }}
          sx={{
            border: 0,
            '& .low-stock': { bgcolor: '#fdecea' },
            '& .low-stock:hover': { bgcolor: '#fbdad5' },
            '& .MuiDataGrid-row': { cursor: onPick ? 'pointer' : 'default' },
          }}
        />
      </Paper>
    </Box>
  );
}
