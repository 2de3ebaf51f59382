import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Alert from '@mui/material/Alert';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import SearchIcon from '@mui/icons-material/Search';
import PeopleOutlineIcon from '@mui/icons-material/PeopleOutlined';
import FolderSharedIcon from '@mui/icons-material/FolderSharedOutlined';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import type { Patient } from '../../../../shared/domain/patients';
import { ageOn, todayInTehran } from '../../../../shared/time/dates';
import { useCall } from '../../hooks/use-call';
import { useDebounced } from '../../hooks/use-debounced';
import {
  faNumber,
  genderText,
  jalaliDate,
  jalaliDateTime,
  mobileText,
  ltr,
} from '../../lib/format';
import { useNotify } from '../../state/notify-store';
import { EmptyState } from '../../components/EmptyState';
import { gridLocaleText } from '../../lib/grid-locale';
import { PatientDialog } from './PatientDialog';

const baseColumns: GridColDef<Patient>[] = [
  {
    field: 'fileNumber',
    headerName: 'پرونده',
    width: 90,
    sortable: false,
    valueFormatter: (v: string) => ltr(v) || '—',
  },
  {
    field: 'name',
    headerName: 'نام و نام خانوادگی',
    flex: 1.4,
    minWidth: 180,
    sortable: false,
    valueGetter: (_v, row) => `${row.firstName} ${row.lastName}`,
  },
  {
    field: 'nationalId',
    headerName: 'کد ملی',
    flex: 1,
    minWidth: 120,
    sortable: false,
    valueFormatter: (v: string) => v || '—',
  },
  {
    field: 'mobile',
    headerName: 'همراه',
    flex: 1,
    minWidth: 130,
    sortable: false,
    valueFormatter: (v: string) => mobileText(v),
  },
  {
    field: 'gender',
    headerName: 'جنسیت',
    width: 90,
    sortable: false,
    valueFormatter: (v: Patient['gender']) => genderText(v),
  },
  {
    field: 'birthDate',
    headerName: 'تاریخ تولد',
    width: 120,
    sortable: false,
    valueFormatter: (v: string) => jalaliDate(v),
  },
  {
    field: 'age',
    headerName: 'سن',
    width: 70,
    sortable: false,
    valueGetter: (_v, row) => (row.birthDate ? ageOn(row.birthDate, todayInTehran()) : null),
    valueFormatter: (v: number | null) => (v === null ? '—' : faNumber.format(v)),
  },
  {
    field: 'updatedAt',
    headerName: 'آخرین تغییر',
    width: 150,
    sortable: false,
    valueFormatter: (v: string) => jalaliDateTime(v),
  },
];

export function PatientsPage() {
  const navigate = useNavigate();
  const columns: GridColDef<Patient>[] = [
    ...baseColumns,
    {
      field: 'file',
      headerName: '',
      width: 110,
      sortable: false,
      renderCell: ({ row }) => (
        <Button
          size="small"
          startIcon={<FolderSharedIcon />}
          aria-label={`پروندهٔ ${row.firstName} ${row.lastName}`}
          onClick={(e) => {
            e.stopPropagation();
            navigate(`/patients/${row.id}`);
          }}
        >
          پرونده
        </Button>
      ),
    },
  ];
  const [query, setQuery] = useState('');
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const [editing, setEditing] = useState<Patient | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [dialogKey, setDialogKey] = useState(0);
  const notify = useNotify((s) => s.notify);
  const settledQuery = useDebounced(query, 200);

  const { data, error, loading } = useCall(
    'patients.search',
    { query: settledQuery, limit: paging.pageSize, offset: paging.page * paging.pageSize },
    ['patients'],
  );
  const rows = useMemo(() => data?.items ?? [], [data]);
  const total = data?.total ?? 0;
  const searching = settledQuery.trim() !== '';

  const openDialog = (patient: Patient | null) => {
    setEditing(patient);
    setDialogKey((k) => k + 1);
    setDialogOpen(true);
  };
  const openNew = () => openDialog(null);

  const noRows = () =>
    searching ? (
      <EmptyState
        title="بیماری پیدا نشد"
        text={`هیچ بیماری با «${settledQuery}» پیدا نشد. املای دیگری را امتحان کنید یا او را ثبت کنید.`}
        action={
          <Button variant="outlined" startIcon={<PersonAddIcon />} onClick={openNew}>
            ثبت بیمار جدید
          </Button>
        }
      />
    ) : (
      <EmptyState
        icon={<PeopleOutlineIcon color="disabled" sx={{ fontSize: 48 }} />}
        title="هنوز بیماری ثبت نشده است"
        text="با دکمهٔ «بیمار جدید» نخستین بیمار این مرکز را ثبت کنید. پس از آن می‌توانید با نام، کد ملی یا شمارهٔ همراه جستجو کنید."
        action={
          <Button variant="contained" startIcon={<PersonAddIcon />} onClick={openNew}>
            بیمار جدید
          </Button>
        }
      />
    );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          بیماران
          {data && (
            <Typography
              component="span"
              color="text.secondary"
              sx={{ mx: 1, fontSize: 16 }}
              data-testid="patients-total"
            >
              ({faNumber.format(total)} {searching ? 'نتیجه' : 'بیمار'})
            </Typography>
          )}
        </Typography>
        <Button variant="contained" startIcon={<PersonAddIcon />} onClick={openNew}>
          بیمار جدید
        </Button>
      </Box>
      <TextField
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setPaging((p) => ({ ...p, page: 0 }));
        }}
        placeholder="جستجو با نام، کد ملی یا شمارهٔ همراه"
        autoFocus
        slotProps={{
          htmlInput: { 'aria-label': 'جستجوی بیمار', type: 'search' },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon />
              </InputAdornment>
            ),
          },
        }}
        sx={{ maxWidth: 520, bgcolor: 'background.paper' }}
      />
      {error && <Alert severity="error">{error.message}</Alert>}
      <Paper variant="outlined" sx={{ height: 'calc(100vh - 230px)', minHeight: 360 }}>
        <DataGrid
          rows={rows}
          columns={columns}
          loading={loading && !data}
          rowCount={total}
          paginationMode="server"
          paginationModel={paging}
          onPaginationModelChange={setPaging}
          pageSizeOptions={[25, 50, 100]}
          disableColumnMenu
          disableRowSelectionOnClick
          onRowClick={(params) => openDialog(params.row)}
          slots={{ noRowsOverlay: noRows }}
          localeText={gridLocaleText}
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Paper>
      <PatientDialog
        key={dialogKey}
        open={dialogOpen}
        patient={editing}
        draftName={editing ? '' : settledQuery}
        onClose={() => setDialogOpen(false)}
        onSaved={(saved, created) => {
          setDialogOpen(false);
          notify(
            created ? `پروندهٔ ${saved.firstName} ${saved.lastName} ثبت شد.` : 'تغییرات ذخیره شد.',
          );
        }}
      />
    </Box>
  );
}
