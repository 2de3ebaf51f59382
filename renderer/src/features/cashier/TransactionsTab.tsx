import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import FileDownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import ReceiptIcon from '@mui/icons-material/ReceiptLongOutlined';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import type { LedgerRow } from '../../../../shared/api/money';
import { entryKindLabel, entryMethodLabel, isReturnCredit } from '../../../../shared/domain/ledger';
import { todayInTehran } from '../../../../shared/time/dates';
import { EmptyState } from '../../components/EmptyState';
import { useCall } from '../../hooks/use-call';
import { useMoneyUnit } from '../../hooks/use-center';
import { useDebounced } from '../../hooks/use-debounced';
import { bridge } from '../../lib/bridge';
import { downloadBase64, XLSX_MIME } from '../../lib/download';
import { problemOf } from '../../lib/errors';
import { faNumber, jalaliDate, jalaliDateTime } from '../../lib/format';
import { gridLocaleText } from '../../lib/grid-locale';
import { moneyText } from '../../lib/money';
import { useNotify } from '../../state/notify-store';
import { queryDays } from './day-range';
import { TransactionFilters, type TransactionFilterValues } from './TransactionFilters';

const KIND_COLORS: Partial<Record<LedgerRow['kind'], 'success' | 'warning' | 'info' | 'default'>> =
  {
    payment: 'success',
    deposit: 'info',
    refund: 'warning',
  };

/** Money in, money out, or neither (box entries and credit moves). */
function direction(r: LedgerRow): 'in' | 'out' | null {
  // A return's credit moves no money: the goods came back, nothing was received.
  if (isReturnCredit(r)) return null;
  if (r.kind === 'payment' || r.kind === 'deposit') return 'in';
  if (r.kind === 'refund') return 'out';
  return null;
}

/** The cashier's ledger (B6) with filters, the period's sum and an Excel file of it. */
export function TransactionsTab() {
  const today = todayInTehran();
  const unit = useMoneyUnit();
  const navigate = useNavigate();
  const notify = useNotify((s) => s.notify);
  const blank: TransactionFilterValues = {
    from: today,
    to: today,
    cashierId: '',
    method: '',
    patient: null,
    kind: '',
  };
  const [filters, setFilters] = useState<TransactionFilterValues>(blank);
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [exporting, setExporting] = useState(false);
  const settled = useDebounced(filters, 200);
  const args = useMemo(
    () => ({
      ...queryDays(settled),
      ...(settled.cashierId ? { cashierId: settled.cashierId } : {}),
      ...(settled.method ? { method: settled.method } : {}),
      ...(settled.patient ? { patientId: settled.patient.id } : {}),
      ...(settled.kind ? { kinds: [settled.kind] } : {}),
    }),
    [settled],
  );
  const { data, error, loading } = useCall(
    'cashier.transactions',
    { ...args, limit: paging.pageSize, offset: paging.page * paging.pageSize },
    ['ledger', 'patients', 'staff'],
  );

  const change = (patch: Partial<TransactionFilterValues>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 0 }));
  };

  const exportExcel = async () => {
    setExporting(true);
    try {
      const file = await bridge.call('cashier.export', args);
      downloadBase64(file.base64, file.fileName, XLSX_MIME);
      notify(`${faNumber.format(file.rows)} تراکنش در فایل اکسل ذخیره شد.`);
    } catch (e) {
      notify(problemOf(e).message, 'error');
    } finally {
      setExporting(false);
    }
  };

  const columns: GridColDef<LedgerRow>[] = [
    {
      field: 'day',
      headerName: 'زمان',
      width: 140,
      renderCell: ({ row }) => jalaliDateTime(row.createdAt),
    },
    {
      field: 'kind',
      headerName: 'نوع',
      width: 140,
      renderCell: ({ row }) => (
        <Chip
          size="small"
          variant="outlined"
          color={KIND_COLORS[row.kind] ?? 'default'}
          label={entryKindLabel(row)}
        />
      ),
    },
    {
      field: 'patientName',
      headerName: 'بیمار',
      flex: 1,
      minWidth: 130,
      valueFormatter: (v: string) => v || '—',
    },
    {
      field: 'amountRial',
      headerName: 'مبلغ',
      width: 150,
      renderCell: ({ row }) => {
        const way = direction(row);
        return (
          <Box
            component="span"
            sx={{
              fontWeight: 600,
              color:
                way === 'in' ? 'success.dark' : way === 'out' ? 'error.main' : 'text.secondary',
            }}
          >
            {moneyText(row.kind === 'box-close' ? row.countedRial : row.amountRial, unit)}
          </Box>
        );
      },
    },
    {
      field: 'method',
      headerName: 'روش',
      width: 130,
      renderCell: ({ row }) => entryMethodLabel(row) || '—',
    },
    {
      field: 'reference',
      headerName: 'شمارهٔ پیگیری',
      width: 120,
      renderCell: ({ value }) => <span dir="ltr">{(value as string) || '—'}</span>,
    },
    { field: 'cashierName', headerName: 'صندوق‌دار', flex: 0.8, minWidth: 110 },
    { field: 'note', headerName: 'توضیح', flex: 1, minWidth: 120 },
  ];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <TransactionFilters
        value={filters}
        onChange={change}
        onClear={() => change({ ...blank, from: '', to: '' })}
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography sx={{ flexGrow: 1 }} data-testid="transactions-sum">
          {data && args.from
            ? `${faNumber.format(data.total)} تراکنش از ${jalaliDate(args.from)}${args.to ? ` تا ${jalaliDate(args.to)}` : ''} — ${data.sumRial >= 0 ? 'خالص دریافت' : 'خالص پرداخت'} (دریافت و پیش‌پرداخت منهای بازپرداخت): ${moneyText(Math.abs(data.sumRial), unit)}`
            : data
              ? `${faNumber.format(data.total)} تراکنش — برای دیدن جمع، تاریخ آغاز را انتخاب کنید.`
              : ''}
        </Typography>
        <Button
          variant="outlined"
          startIcon={<FileDownloadIcon />}
          disabled={exporting || !data?.total}
          onClick={() => void exportExcel()}
        >
          خروجی اکسل
        </Button>
      </Box>
      {error && <Alert severity="error">{error.message}</Alert>}
      <Paper variant="outlined" sx={{ height: 'calc(100vh - 412px)', minHeight: 340 }}>
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
          onRowClick={(p) => p.row.patientId && navigate(`/patients/${p.row.patientId}`)}
          localeText={gridLocaleText}
          slots={{
            noRowsOverlay: () => (
              <EmptyState
                icon={<ReceiptIcon color="disabled" sx={{ fontSize: 48 }} />}
                title="تراکنشی با این فیلترها نیست"
                text="بازهٔ تاریخ را بزرگ‌تر کنید یا فیلترها را پاک کنید. دریافت، پیش‌پرداخت و بازپرداخت از «صندوق» یا پروندهٔ بیمار ثبت می‌شود."
              />
            ),
          }}
          sx={{ border: 0 }}
        />
      </Paper>
    </Box>
  );
}
