import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import HistoryIcon from '@mui/icons-material/History';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import type { AuditEntry } from '../../../../shared/domain/audit';
import { EmptyState } from '../../components/EmptyState';
import { useCall } from '../../hooks/use-call';
import { useDebounced } from '../../hooks/use-debounced';
import { faNumber, jalaliDateTime } from '../../lib/format';
import { gridLocaleText } from '../../lib/grid-locale';
import { ACTION_LABELS, COLLECTION_LABELS } from './audit-labels';
import { AuditChanges } from './AuditChanges';
import { filterProblems, LogFilters, NO_FILTERS, type LogFilterValues } from './LogFilters';
import { VerifyLog } from './VerifyLog';

const ACTION_COLORS = { create: 'success', update: 'info', delete: 'error' } as const;

/** The change log (C12): who changed what and when, newest first, with what each change was. */
export function LogsPage() {
  const [filters, setFilters] = useState<LogFilterValues>(NO_FILTERS);
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const settled = useDebounced(filters, 250);
  const valid = Object.keys(filterProblems(settled)).length === 0;
  const query = {
    ...(settled.actorId ? { actorId: settled.actorId } : {}),
    ...(valid && settled.from ? { from: settled.from } : {}),
    ...(valid && settled.to ? { to: settled.to } : {}),
    ...(settled.section ? { section: settled.section } : {}),
    ...(settled.targetId ? { targetId: settled.targetId } : {}),
    limit: paging.pageSize,
    offset: paging.page * paging.pageSize,
  };
  const { data, error, loading } = useCall('audit.list', query, ['audit']);
  const rows = useMemo(() => data?.items ?? [], [data]);
  const filtered = Object.values(settled).some((v) => v !== '');

  const changeFilters = (next: LogFilterValues) => {
    setFilters(next);
    setPaging((p) => ({ ...p, page: 0 }));
  };
  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const columns: GridColDef<AuditEntry>[] = [
    {
      field: 'expand',
      headerName: '',
      width: 52,
      sortable: false,
      renderCell: ({ row }) => (
        <IconButton
          size="small"
          aria-label={expanded.has(row.id) ? 'بستن جزئیات' : 'نمایش جزئیات'}
          aria-expanded={expanded.has(row.id)}
          onClick={(e) => {
            e.stopPropagation();
            toggle(row.id);
          }}
        >
          <ExpandMoreIcon
            sx={{
              transition: 'transform 150ms',
              transform: expanded.has(row.id) ? 'rotate(180deg)' : 'none',
            }}
          />
        </IconButton>
      ),
    },
    {
      field: 'createdAt',
      headerName: 'زمان',
      width: 140,
      sortable: false,
      valueFormatter: (v: string) => jalaliDateTime(v),
    },
    { field: 'actorName', headerName: 'شخص', width: 160, sortable: false },
    {
      field: 'targetCollection',
      headerName: 'بخش',
      width: 130,
      sortable: false,
      valueFormatter: (v: string) => COLLECTION_LABELS[v] ?? v,
    },
    {
      field: 'action',
      headerName: 'نوع',
      width: 90,
      sortable: false,
      renderCell: ({ row }) => (
        <Chip
          size="small"
          variant="outlined"
          color={ACTION_COLORS[row.action]}
          label={ACTION_LABELS[row.action]}
        />
      ),
    },
    {
      field: 'summary',
      headerName: 'شرح',
      flex: 1,
      minWidth: 380,
      sortable: false,
      renderCell: ({ row }) => (
        <Box sx={{ width: '100%', minWidth: 0 }}>
          <Box sx={{ whiteSpace: 'normal', lineHeight: 1.6 }}>
            {row.summary}
            {!expanded.has(row.id) && row.changes.length > 0 && (
              <Typography component="span" variant="caption" color="text.secondary" sx={{ mx: 1 }}>
                ({faNumber.format(row.changes.length)} فیلد)
              </Typography>
            )}
          </Box>
          {expanded.has(row.id) && (
            <AuditChanges
              entry={row}
              onFilterDocument={(id) => changeFilters({ ...NO_FILTERS, targetId: id })}
            />
          )}
        </Box>
      ),
    },
  ];

  const noRows = () =>
    filtered ? (
      <EmptyState
        title="با این فیلترها تغییری پیدا نشد"
        text="بازهٔ تاریخ را بزرگ‌تر کنید یا فیلتر شخص و بخش را بردارید."
        action={
          <Button variant="outlined" onClick={() => changeFilters(NO_FILTERS)}>
            پاک کردن فیلترها
          </Button>
        }
      />
    ) : (
      <EmptyState
        icon={<HistoryIcon color="disabled" sx={{ fontSize: 48 }} />}
        title="هنوز تغییری ثبت نشده است"
        text="هر ثبت، ویرایش یا حذف در برنامه (بیماران، نوبت‌ها، کارکنان، خدمات و تنظیمات) با نام انجام‌دهنده، زمان و مقدار پیش و پس از تغییر اینجا ثبت می‌شود و پاک‌شدنی نیست."
      />
    );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          گزارش تغییرات
          {data && (
            <Typography
              component="span"
              color="text.secondary"
              sx={{ mx: 1, fontSize: 16 }}
              data-testid="audit-total"
            >
              ({faNumber.format(data.total)} مورد)
            </Typography>
          )}
        </Typography>
        <VerifyLog />
      </Box>
      <LogFilters value={filters} onChange={changeFilters} />
      {error && <Alert severity="error">{error.message}</Alert>}
      <Paper variant="outlined" sx={{ height: 'calc(100vh - 290px)', minHeight: 380 }}>
        <DataGrid
          rows={rows}
          columns={columns}
          loading={loading && !data}
          rowCount={data?.total ?? 0}
          paginationMode="server"
          paginationModel={paging}
          onPaginationModelChange={setPaging}
          pageSizeOptions={[25, 50, 100]}
          getRowHeight={({ id }) => (expanded.has(String(id)) ? 'auto' : null)}
          onRowClick={({ row }) => toggle(row.id)}
          disableColumnMenu
          disableRowSelectionOnClick
          slots={{ noRowsOverlay: noRows }}
          localeText={gridLocaleText}
          sx={{
            border: 0,
            '& .MuiDataGrid-row': { cursor: 'pointer' },
            '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center' },
            '& .MuiDataGrid-cell:focus, & .MuiDataGrid-cell:focus-within': { outline: 'none' },
            '& .MuiDataGrid-row--dynamicHeight .MuiDataGrid-cell': {
              alignItems: 'flex-start',
              py: 1,
            },
          }}
        />
      </Paper>
    </Box>
  );
}
