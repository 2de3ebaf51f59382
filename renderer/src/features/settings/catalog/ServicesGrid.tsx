import Chip from '@mui/material/Chip';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import type { CatalogItem } from '../../../../../shared/domain/catalog';
import { faNumber } from '../../../lib/format';
import { gridLocaleText } from '../../../lib/grid-locale';
import { moneyText, type MoneyUnit } from '../../../lib/money';

/** The services of one department. */
export function ServicesGrid({
  services,
  unit,
  onOpen,
}: {
  services: CatalogItem[];
  unit: MoneyUnit;
  /** Absent for people who may only look. */
  onOpen?: (service: CatalogItem) => void;
}) {
  const columns: GridColDef<CatalogItem>[] = [
    { field: 'name', headerName: 'خدمت', flex: 1.5, minWidth: 180 },
    {
      field: 'priceRial',
      headerName: 'مبلغ',
      flex: 1,
      minWidth: 140,
      valueFormatter: (v: number) => (v === 0 ? 'رایگان' : moneyText(v, unit)),
    },
    {
      field: 'durationMin',
      headerName: 'مدت',
      width: 100,
      valueFormatter: (v: number) => `${faNumber.format(v)} دقیقه`,
    },
    {
      field: 'prepaymentRequired',
      headerName: 'پیش‌پرداخت اینترنتی',
      width: 150,
      renderCell: ({ value }) =>
        value ? <Chip size="small" color="info" variant="outlined" label="لازم" /> : '—',
    },
    {
      field: 'active',
      headerName: 'وضعیت',
      width: 100,
      renderCell: ({ value }) =>
        value ? (
          <Chip size="small" color="success" variant="outlined" label="فعال" />
        ) : (
          <Chip size="small" label="غیرفعال" />
        ),
    },
  ];
  return (
    <DataGrid
      rows={services}
      columns={columns}
      autoHeight
      hideFooter={services.length <= 100}
      disableColumnMenu
      disableRowSelectionOnClick
      onRowClick={onOpen ? (params) => onOpen(params.row) : undefined}
      localeText={gridLocaleText}
      sx={{ border: 0, '& .MuiDataGrid-row': { cursor: onOpen ? 'pointer' : 'default' } }}
    />
  );
}
