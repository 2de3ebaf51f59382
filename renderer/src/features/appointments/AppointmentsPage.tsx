import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import FileDownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import type { AppointmentRow } from '../../../../shared/api/appointments';
import { todayInTehran } from '../../../../shared/time/dates';
import { EmptyState } from '../../components/EmptyState';
import { useCall } from '../../hooks/use-call';
import { useDebounced } from '../../hooks/use-debounced';
import { useCatalog, useProviders } from '../../hooks/use-people';
import { SOURCE_LABELS, STATUS_COLORS, STATUS_LABELS, timeRange } from '../../lib/appointments';
import { bridge } from '../../lib/bridge';
import { downloadBase64, XLSX_MIME } from '../../lib/download';
import { problemOf } from '../../lib/errors';
import { faNumber, jalaliDate, mobileText, ltr } from '../../lib/format';
import { gridLocaleText } from '../../lib/grid-locale';
import { useNotify } from '../../state/notify-store';
import { AppointmentActions } from './AppointmentActions';
import { AppointmentFilters, NO_FILTERS, type AppointmentFilterValues } from './AppointmentFilters';

const columns: GridColDef<AppointmentRow>[] = [
  { field: 'date', headerName: 'تاریخ', width: 100, valueFormatter: (v: string) => jalaliDate(v) },
  {
    field: 'start',
    headerName: 'ساعت',
    width: 110,
    renderCell: ({ row }) => timeRange(row.start, row.end),
  },
  {
    field: 'patientName',
    headerName: 'بیمار',
    flex: 1.3,
    minWidth: 150,
    renderCell: ({ row }) => (
      <Box sx={{ lineHeight: 1.3, overflow: 'hidden' }}>
        <Typography variant="body2" noWrap>
          {row.patientName}
        </Typography>
        {row.patientFileNumber && (
          <Typography variant="caption" color="text.secondary" noWrap component="div">
            پرونده {ltr(row.patientFileNumber)}
          </Typography>
        )}
      </Box>
    ),
  },
  {
    field: 'patientMobile',
    headerName: 'همراه',
    width: 115,
    valueFormatter: (v: string) => mobileText(v),
  },
  { field: 'providerName', headerName: 'ارائه‌دهنده', flex: 1, minWidth: 120 },
  {
    field: 'serviceName',
    headerName: 'خدمت',
    flex: 1,
    minWidth: 100,
    valueFormatter: (v: string) => v || '—',
  },
  {
    field: 'status',
    headerName: 'وضعیت',
    width: 115,
    renderCell: ({ row }) => (
      <Chip
        size="small"
        label={STATUS_LABELS[row.status]}
        sx={{
          bgcolor: STATUS_COLORS[row.status].bg,
          border: 1,
          borderColor: STATUS_COLORS[row.status].border,
        }}
      />
    ),
  },
  {
    field: 'source',
    headerName: 'منبع',
    width: 70,
    valueFormatter: (v: AppointmentRow['source']) => SOURCE_LABELS[v],
  },
  { field: 'trackingCode', headerName: 'کد پیگیری', width: 95 },
  {
    field: 'actions',
    headerName: '',
    width: 52,
    sortable: false,
    renderCell: ({ row }) => <AppointmentActions row={row} layout="menu" />,
  },
];

/** The appointments and receptions list (B1): filters, server-side paging, Excel, day list. */
export function AppointmentsPage() {
  const today = todayInTehran();
  const navigate = useNavigate();
  const notify = useNotify((s) => s.notify);
  const { providers } = useProviders();
  const { departments, services } = useCatalog();
  const [filters, setFilters] = useState<AppointmentFilterValues>({
    ...NO_FILTERS,
    from: today,
    to: today,
    sort: 'time-asc',
  });
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [exporting, setExporting] = useState(false);
  const query = useDebounced(filters.query, 250);

  const args = useMemo(() => {
    const validDay = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined);
    return {
      from: validDay(filters.from),
      to: validDay(filters.to),
      providerId: filters.providerId || undefined,
      serviceId: filters.serviceId || undefined,
      departmentId: filters.departmentId || undefined,
      statuses: filters.statuses.length ? filters.statuses : undefined,
      source: filters.source || undefined,
      query,
      sort: filters.sort,
    };
  }, [filters, query]);
  const { data, error, loading } = useCall(
    'appointments.list',
    { ...args, limit: paging.pageSize, offset: paging.page * paging.pageSize },
    ['appointments', 'patients', 'catalog', 'staff'],
  );
  const rows = useMemo(() => data?.items ?? [], [data]);

  const change = (changes: Partial<AppointmentFilterValues>) => {
    setFilters((f) => ({ ...f, ...changes }));
    setPaging((p) => ({ ...p, page: 0 }));
  };

  const exportExcel = async () => {
    setExporting(true);
    try {
      const file = await bridge.call('appointments.export', args);
      downloadBase64(file.base64, file.fileName, XLSX_MIME);
      notify(`${faNumber.format(file.rows)} نوبت در فایل اکسل ذخیره شد.`);
    } catch (e) {
      notify(problemOf(e).message, 'error');
    } finally {
      setExporting(false);
    }
  };

  const printDay = filters.providerId && args.from ? args.from : '';

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          نوبت‌ها و پذیرش
          {data && (
            <Typography
              component="span"
              color="text.secondary"
              sx={{ mx: 1, fontSize: 16 }}
              data-testid="appointments-total"
            >
              ({faNumber.format(data.total)} نوبت)
            </Typography>
          )}
        </Typography>
        <Button
          variant="outlined"
          startIcon={<PrintIcon />}
          disabled={!printDay}
          title={printDay ? undefined : 'نخست ارائه‌دهنده و روز را انتخاب کنید'}
          onClick={() => navigate(`/print/day?provider=${filters.providerId}&date=${printDay}`)}
        >
          چاپ فهرست روز
        </Button>
        <Button
          variant="outlined"
          startIcon={<FileDownloadIcon />}
          disabled={exporting || !data?.total}
          onClick={() => void exportExcel()}
        >
          خروجی اکسل
        </Button>
        <Button
          variant="contained"
          startIcon={<EventAvailableIcon />}
          onClick={() => navigate('/desk')}
        >
          نوبت تازه
        </Button>
      </Box>
      <AppointmentFilters
        value={filters}
        onChange={change}
        providers={providers}
        departments={departments}
        services={services}
        onClear={() => change({ ...NO_FILTERS, from: '', to: '' })}
      />
      {error && <Alert severity="error">{error.message}</Alert>}
      <Paper variant="outlined" sx={{ height: 'calc(100vh - 290px)', minHeight: 360 }}>
        <DataGrid
          rows={rows}
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
          onRowClick={(p) => navigate(`/patients/${p.row.patientId}`)}
          localeText={gridLocaleText}
          slots={{
            noRowsOverlay: () => (
              <EmptyState
                icon={<EventAvailableIcon color="disabled" sx={{ fontSize: 48 }} />}
                title="نوبتی با این فیلترها نیست"
                text="بازهٔ تاریخ را بزرگ‌تر کنید یا فیلترها را پاک کنید. نوبت تازه را از «میز نوبت‌دهی» بگیرید."
              />
            ),
          }}
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Paper>
    </Box>
  );
}
