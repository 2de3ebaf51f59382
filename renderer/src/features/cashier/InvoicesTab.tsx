import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLongOutlined';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import type { InvoiceView } from '../../../../shared/api/money';
import { EmptyState } from '../../components/EmptyState';
import { JalaliDateField } from '../../components/JalaliDateField';
import { useCall } from '../../hooks/use-call';
import { useMoneyUnit } from '../../hooks/use-center';
import { useDebounced } from '../../hooks/use-debounced';
import { jalaliDate } from '../../lib/format';
import { gridLocaleText } from '../../lib/grid-locale';
import { invoiceNumberText, moneyText } from '../../lib/money';
import { InvoiceDialog, InvoiceStatus } from './InvoiceDialog';
import { dayProblems, queryDays } from './day-range';

/** Invoices, newest first: a Jalali day range, or only those with money still to collect. */
export function InvoicesTab() {
  const unit = useMoneyUnit();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [unpaidOnly, setUnpaidOnly] = useState(false);
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [open, setOpen] = useState<InvoiceView | null>(null);
  const days = useDebounced({ from, to }, 200);
  const problems = dayProblems({ from, to });
  const filtered = !!(from || to || unpaidOnly);
  const { data, error, loading } = useCall(
    'invoices.list',
    {
      ...queryDays(days),
      unpaidOnly,
      limit: paging.pageSize,
      offset: paging.page * paging.pageSize,
    },
    ['invoices', 'ledger', 'patients'],
  );
  const money = (v: number) => moneyText(v, unit);

  const columns: GridColDef<InvoiceView>[] = [
    {
      field: 'number',
      headerName: 'شماره',
      width: 100,
      valueFormatter: (v: string) => invoiceNumberText(v),
    },
    {
      field: 'issuedOn',
      headerName: 'تاریخ',
      width: 100,
      valueFormatter: (v: string) => jalaliDate(v),
    },
    { field: 'patientName', headerName: 'بیمار', flex: 1, minWidth: 140 },
    {
      field: 'kind',
      headerName: 'نوع',
      width: 90,
      valueFormatter: (v: string) => (v === 'shop' ? 'فروشگاه' : 'خدمات'),
    },
    { field: 'dueRial', headerName: 'مبلغ', width: 140, valueFormatter: money },
    { field: 'paidRial', headerName: 'پرداخت‌شده', width: 140, valueFormatter: money },
    { field: 'remainingRial', headerName: 'مانده', width: 140, valueFormatter: money },
    {
      field: 'status',
      headerName: 'وضعیت',
      width: 140,
      renderCell: ({ row }) => <InvoiceStatus invoice={row} />,
    },
  ];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Paper
        variant="outlined"
        role="search"
        aria-label="فیلتر صورت‌حساب‌ها"
        sx={{ p: 1.5, display: 'grid', gridTemplateColumns: '210px 210px auto', gap: 1.5 }}
      >
        <JalaliDateField
          label="از تاریخ"
          value={from}
          onChange={(v) => {
            setFrom(v);
            setPaging((p) => ({ ...p, page: 0 }));
          }}
          error={!!problems.from}
          helperText={problems.from}
        />
        <JalaliDateField
          label="تا تاریخ"
          value={to}
          onChange={(v) => {
            setTo(v);
            setPaging((p) => ({ ...p, page: 0 }));
          }}
          error={!!problems.to}
          helperText={problems.to}
        />
        <FormControlLabel
          control={
            <Switch
              checked={unpaidOnly}
              onChange={(e) => {
                setUnpaidOnly(e.target.checked);
                setPaging((p) => ({ ...p, page: 0 }));
              }}
            />
          }
          label="فقط صورت‌حساب‌های پرداخت‌نشده"
        />
      </Paper>
      {error && <Alert severity="error">{error.message}</Alert>}
      <Paper variant="outlined" sx={{ height: 'calc(100vh - 330px)', minHeight: 340 }}>
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
          onRowClick={(p) => setOpen(p.row)}
          localeText={gridLocaleText}
          slots={{
            noRowsOverlay: () => (
              <EmptyState
                icon={<ReceiptLongIcon color="disabled" sx={{ fontSize: 48 }} />}
                title={filtered ? 'صورت‌حسابی با این فیلترها نیست' : 'صورت‌حسابی نیست'}
                text={
                  filtered
                    ? 'بازهٔ تاریخ را تغییر دهید یا «فقط صورت‌حساب‌های پرداخت‌نشده» را بردارید.'
                    : 'صورت‌حساب خدمات را از پروندهٔ بیمار یا نوبت پذیرش‌شده صادر کنید؛ فاکتور کالا از «فروشگاه کالا» صادر می‌شود.'
                }
              />
            ),
          }}
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Paper>
      {open && (
        <InvoiceDialog id={open.id} patientId={open.patientId} onClose={() => setOpen(null)} />
      )}
    </Box>
  );
}
