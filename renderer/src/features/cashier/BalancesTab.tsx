import { toPersianDigits } from '../../../../shared/text/normalize';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWalletOutlined';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import type { BalanceRow } from '../../../../shared/api/money';
import { EmptyState } from '../../components/EmptyState';
import { useCall } from '../../hooks/use-call';
import { useMoneyUnit } from '../../hooks/use-center';
import { faNumber, ltr, mobileText } from '../../lib/format';
import { gridLocaleText } from '../../lib/grid-locale';
import { moneyText } from '../../lib/money';

type Side = 'debtors' | 'creditors';

/** Who owes the center and who has credit with it (B6), largest first, with the total. */
export function BalancesTab() {
  const unit = useMoneyUnit();
  const navigate = useNavigate();
  const [side, setSide] = useState<Side>('debtors');
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const { data, error, loading } = useCall(
    'cashier.balances',
    { side, limit: paging.pageSize, offset: paging.page * paging.pageSize },
    ['ledger', 'invoices', 'patients'],
  );

  const columns: GridColDef<BalanceRow>[] = [
    { field: 'patientName', headerName: 'بیمار', flex: 1.2, minWidth: 160 },
    {
      field: 'fileNumber',
      headerName: 'شمارهٔ پرونده',
      width: 120,
      valueFormatter: (v: string) => (v ? ltr(toPersianDigits(v)) : '—'),
    },
    {
      field: 'mobile',
      headerName: 'همراه',
      width: 130,
      valueFormatter: (v: string) => mobileText(v),
    },
    {
      field: 'balanceRial',
      headerName: side === 'debtors' ? 'بدهی' : 'بستانکاری',
      flex: 1,
      minWidth: 150,
      renderCell: ({ value }) => (
        <Box
          component="span"
          sx={{ fontWeight: 600, color: side === 'debtors' ? 'error.main' : 'success.dark' }}
        >
          {moneyText(Math.abs(value as number), unit)}
        </Box>
      ),
    },
  ];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          color="primary"
          value={side}
          onChange={(_e, v: Side | null) => {
            if (v) setSide(v);
            setPaging((p) => ({ ...p, page: 0 }));
          }}
          aria-label="بدهکاران یا بستانکاران"
        >
          <ToggleButton value="debtors">بدهکاران</ToggleButton>
          <ToggleButton value="creditors">بستانکاران</ToggleButton>
        </ToggleButtonGroup>
        <Typography sx={{ flexGrow: 1 }} data-testid="balances-sum">
          {data &&
            (side === 'debtors'
              ? `${faNumber.format(data.total)} بیمار بدهکار — جمع بدهی ${moneyText(Math.abs(data.sumRial), unit)}`
              : `${faNumber.format(data.total)} بیمار بستانکار — جمع اعتبار ${moneyText(Math.abs(data.sumRial), unit)}`)}
        </Typography>
      </Box>
      {error && <Alert severity="error">{error.message}</Alert>}
      <Paper variant="outlined" sx={{ height: 'calc(100vh - 300px)', minHeight: 340 }}>
        <DataGrid
          rows={data?.items ?? []}
          columns={columns}
          getRowId={(r) => r.patientId}
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
                icon={<AccountBalanceWalletIcon color="disabled" sx={{ fontSize: 48 }} />}
                title={side === 'debtors' ? 'بیمار بدهکاری نیست' : 'بیمار بستانکاری نیست'}
                text={
                  side === 'debtors'
                    ? 'هر صورت‌حسابی که کامل پرداخت نشود، ماندهٔ آن این‌جا دیده می‌شود تا پیگیری شود.'
                    : 'پیش‌پرداخت‌ها و وجه صورت‌حساب‌های باطل‌شده اعتبار بیمار می‌شوند و این‌جا دیده می‌شوند.'
                }
              />
            ),
          }}
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Paper>
    </Box>
  );
}
