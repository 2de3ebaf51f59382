import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettingsOutlined';
import BadgeIcon from '@mui/icons-material/BadgeOutlined';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import type { StaffView } from '../../../../../shared/api/setup';
import { STAFF_KIND_LABELS, staffFullName } from '../../../../../shared/domain/staff';
import { EmptyState } from '../../../components/EmptyState';
import { useCall } from '../../../hooks/use-call';
import { useRights } from '../../../hooks/use-rights';
import { faNumber, mobileText } from '../../../lib/format';
import { gridLocaleText } from '../../../lib/grid-locale';
import { useNotify } from '../../../state/notify-store';
import { StaffDialog } from './StaffDialog';
import { StaffRightsDialog } from './StaffRightsDialog';

type Open = { what: 'edit'; staff: StaffView | null } | { what: 'rights'; staff: StaffView };

/** Everyone who works at the center, their login and their rights (C3, C10). */
export function StaffTab() {
  const { data, error, loading } = useCall('staff.list', {}, ['staff']);
  const { data: catalog } = useCall('catalog.list', { includeInactive: false }, ['catalog']);
  const { data: rights } = useCall('rights.get', {}, ['center']);
  const canManage = useRights().has('staff.manage');
  const notify = useNotify((s) => s.notify);
  const [open, setOpen] = useState<Open | null>(null);
  const [dialogKey, setDialogKey] = useState(0);
  const show = (next: Open) => {
    setOpen(next);
    setDialogKey((k) => k + 1);
  };
  const rows = useMemo(() => data ?? [], [data]);

  const columns: GridColDef<StaffView>[] = [
    {
      field: 'name',
      headerName: 'نام',
      flex: 1.4,
      minWidth: 180,
      valueGetter: (_v, row) => staffFullName(row),
    },
    {
      field: 'kind',
      headerName: 'نقش',
      flex: 1,
      minWidth: 130,
      valueFormatter: (v: StaffView['kind']) => STAFF_KIND_LABELS[v],
    },
    {
      field: 'mobile',
      headerName: 'همراه',
      flex: 1,
      minWidth: 130,
      valueFormatter: (v: string) => mobileText(v),
    },
    {
      field: 'canLogIn',
      headerName: 'ورود به برنامه',
      width: 120,
      renderCell: ({ value }) =>
        value ? <Chip size="small" color="info" variant="outlined" label="دارد" /> : '—',
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
    {
      field: 'rights',
      headerName: 'دسترسی‌ها',
      width: 140,
      sortable: false,
      renderCell: ({ row }) => (
        <Button
          size="small"
          startIcon={<AdminPanelSettingsIcon />}
          aria-label={`دسترسی‌های ${staffFullName(row)}`}
          onClick={(e) => {
            e.stopPropagation();
            show({ what: 'rights', staff: row });
          }}
        >
          {faNumber.format(row.rights.length)} دسترسی
        </Button>
      ),
    },
  ];

  const newButton = canManage && (
    <Button
      variant="contained"
      startIcon={<PersonAddIcon />}
      onClick={() => show({ what: 'edit', staff: null })}
      sx={{ flexShrink: 0 }}
    >
      کارمند تازه
    </Button>
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography color="text.secondary" sx={{ flexGrow: 1 }}>
          برای ویرایش هر شخص روی ردیف او، و برای دسترسی‌هایش روی دکمهٔ «دسترسی» همان ردیف بزنید.
        </Typography>
        {newButton}
      </Box>
      {error && <Alert severity="error">{error.message}</Alert>}
      <Paper variant="outlined" sx={{ height: 'calc(100vh - 300px)', minHeight: 360 }}>
        <DataGrid
          rows={rows}
          columns={columns}
          loading={loading && !data}
          disableColumnMenu
          disableRowSelectionOnClick
          onRowClick={canManage ? (p) => show({ what: 'edit', staff: p.row }) : undefined}
          pageSizeOptions={[25, 50, 100]}
          initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
          localeText={gridLocaleText}
          slots={{
            noRowsOverlay: () => (
              <EmptyState
                icon={<BadgeIcon color="disabled" sx={{ fontSize: 48 }} />}
                title="هنوز کارمندی ثبت نشده است"
                text="پزشکان، پذیرش و دیگر کارکنان را ثبت کنید تا بتوان برای آنان نوبت گرفت و با شمارهٔ همراه خود وارد برنامه شوند."
                action={newButton}
              />
            ),
          }}
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: canManage ? 'pointer' : 'default' } }}
        />
      </Paper>
      {open?.what === 'edit' && (
        <StaffDialog
          key={dialogKey}
          staff={open.staff}
          departments={catalog?.departments ?? []}
          services={catalog?.services ?? []}
          onClose={() => setOpen(null)}
          onSaved={(saved, created) => {
            setOpen(null);
            notify(
              created
                ? `${staffFullName(saved)} ثبت شد. دسترسی‌های او از نقشش می‌آید.`
                : 'تغییرات ذخیره شد.',
            );
          }}
        />
      )}
      {open?.what === 'rights' && rights && (
        <StaffRightsDialog
          key={dialogKey}
          staff={open.staff}
          permissions={rights.permissions}
          byKind={rights.byKind}
          readOnly={!canManage}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            setOpen(null);
            notify(`دسترسی‌های ${staffFullName(saved)} ذخیره شد.`);
          }}
        />
      )}
    </Box>
  );
}
