import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import SwapVertIcon from '@mui/icons-material/SwapVert';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import type { Result } from '../../../../shared/api/contract';
import type { CatalogItem } from '../../../../shared/domain/catalog';
import { STOCK_KIND_LABELS } from '../../../../shared/domain/stock';
import { EmptyState } from '../../components/EmptyState';
import { useCall } from '../../hooks/use-call';
import { useStaffNames } from '../../hooks/use-staff-names';
import { faNumber, jalaliDateTime } from '../../lib/format';
import { gridLocaleText } from '../../lib/grid-locale';
import { emptySelectProps } from '../../lib/inputs';

type Row = Result<'stock.movements'>['items'][number];

/** Every stock movement, newest first, by good and warehouse: what came in, left, moved or was fixed. */
export function MovementsTab({
  goods,
  warehouses,
}: {
  goods: CatalogItem[];
  warehouses: CatalogItem[];
}) {
  const [goodId, setGoodId] = useState('');
  const [warehouseId, setWarehouseId] = useState('');
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const staffName = useStaffNames();
  const { data, error, loading } = useCall(
    'stock.movements',
    {
      ...(goodId ? { goodId } : {}),
      ...(warehouseId ? { warehouseId } : {}),
      limit: paging.pageSize,
      offset: paging.page * paging.pageSize,
    },
    ['stock', 'catalog'],
  );

  const columns: GridColDef<Row>[] = [
    {
      field: 'createdAt',
      headerName: 'زمان',
      width: 140,
      valueFormatter: (v: string) => jalaliDateTime(v),
    },
    {
      field: 'kind',
      headerName: 'نوع',
      width: 150,
      renderCell: ({ row }) => (
        <Chip
          size="small"
          variant="outlined"
          color={row.qtyDelta > 0 ? 'success' : 'warning'}
          label={STOCK_KIND_LABELS[row.kind]}
        />
      ),
    },
    { field: 'goodName', headerName: 'کالا', flex: 1.2, minWidth: 140 },
    { field: 'warehouseName', headerName: 'انبار', flex: 0.8, minWidth: 110 },
    {
      field: 'qtyDelta',
      headerName: 'تعداد',
      width: 90,
      renderCell: ({ row }) => (
        <Box
          component="span"
          dir="ltr"
          sx={{ fontWeight: 700, color: row.qtyDelta > 0 ? 'success.dark' : 'error.main' }}
        >
          {row.qtyDelta > 0 ? '+' : '−'}
          {faNumber.format(Math.abs(row.qtyDelta))}
        </Box>
      ),
    },
    {
      field: 'reason',
      headerName: 'شرح',
      flex: 1.2,
      minWidth: 140,
      valueFormatter: (_v, row) =>
        [row.supplier && `تأمین‌کننده: ${row.supplier}`, row.reason].filter(Boolean).join(' — ') ||
        '—',
    },
    {
      field: 'updatedBy',
      headerName: 'ثبت‌کننده',
      width: 140,
      valueFormatter: (v: string) => staffName(v),
    },
  ];

  const select = (
    label: string,
    value: string,
    set: (v: string) => void,
    items: CatalogItem[],
    all: string,
  ) => (
    <TextField
      select
      label={label}
      value={value}
      onChange={(e) => {
        set(e.target.value);
        setPaging((p) => ({ ...p, page: 0 }));
      }}
      slotProps={emptySelectProps}
    >
      <MenuItem value="">{all}</MenuItem>
      {items.map((i) => (
        <MenuItem key={i.id} value={i.id}>
          {i.name}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Paper
        variant="outlined"
        role="search"
        aria-label="فیلتر گردش کالا"
        sx={{ p: 1.5, display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}
      >
        {select('کالا', goodId, setGoodId, goods, 'همهٔ کالاها')}
        {select('انبار', warehouseId, setWarehouseId, warehouses, 'همهٔ انبارها')}
      </Paper>
      {error && <Alert severity="error">{error.message}</Alert>}
      <Paper variant="outlined" sx={{ height: 'calc(100vh - 330px)', minHeight: 320 }}>
        <DataGrid
          rows={data?.items ?? []}
          columns={columns}
          loading={loading && !data}
          rowCount={data?.total ?? 0}
          paginationMode="server"
          paginationModel={paging}
          onPaginationModelChange={setPaging}
          pageSizeOptions={[25, 50, 100]}
          disableColumnMenu
          disableColumnSorting
          disableRowSelectionOnClick
          localeText={gridLocaleText}
          slots={{
            noRowsOverlay: () => (
              <EmptyState
                icon={<SwapVertIcon color="disabled" sx={{ fontSize: 48 }} />}
                title="گردشی ثبت نشده است"
                text="ورود کالا، انتقال، اصلاح، مصرف در خدمت و فروش، هر کدام یک ردیف این‌جا می‌گذارند؛ موجودی جمع همین ردیف‌هاست."
              />
            ),
          }}
          sx={{ border: 0 }}
        />
      </Paper>
    </Box>
  );
}
