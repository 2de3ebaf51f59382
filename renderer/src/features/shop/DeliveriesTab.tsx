import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import LocalShippingIcon from '@mui/icons-material/LocalShippingOutlined';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import type { InvoiceView } from '../../../../shared/api/money';
import { EmptyState } from '../../components/EmptyState';
import { useCall } from '../../hooks/use-call';
import { useMoneyUnit } from '../../hooks/use-center';
import { useRights } from '../../hooks/use-rights';
import { useStaffNames } from '../../hooks/use-staff-names';
import { bridge } from '../../lib/bridge';
import { problemOf } from '../../lib/errors';
import { faNumber, jalaliDate, jalaliDateTime } from '../../lib/format';
import { gridLocaleText } from '../../lib/grid-locale';
import { invoiceNumberText, moneyText } from '../../lib/money';
import { useNotify } from '../../state/notify-store';
import { InvoiceDialog, InvoiceStatus } from '../cashier/InvoiceDialog';
import { VoidDialog } from '../cashier/VoidDialog';
import { ReturnDeliveredDialog } from './ReturnDeliveredDialog';

type Show = 'waiting' | 'delivered';

/**
 * Shop orders to hand over (B5): record who delivered them (the person logged in) and when, or take
 * an order back before delivery (voiding it returns the goods to the warehouse). Goods already
 * handed over come back with «مرجوعی کالای تحویل‌شده»: into a warehouse, their value as credit.
 */
export function DeliveriesTab() {
  const unit = useMoneyUnit();
  const rights = useRights();
  const notify = useNotify((s) => s.notify);
  const staffName = useStaffNames();
  const [show, setShow] = useState<Show>('waiting');
  const [open, setOpen] = useState<InvoiceView | null>(null);
  const [voiding, setVoiding] = useState<InvoiceView | null>(null);
  const [returning, setReturning] = useState<InvoiceView | null>(null);
  const [busy, setBusy] = useState('');
  // The newest 500 invoices hold every order still on the counter (core: no kind filter yet).
  const { data, error } = useCall('invoices.list', { limit: 500 }, [
    'invoices',
    'ledger',
    'stock',
    'patients',
  ]);
  const shop = (data?.items ?? []).filter((i) => i.kind === 'shop' && i.status === 'issued');
  const rows = shop.filter((i) => (show === 'waiting' ? !i.deliveredBy : !!i.deliveredBy));

  const deliver = async (invoice: InvoiceView) => {
    setBusy(invoice.id);
    try {
      await bridge.call('invoices.deliver', { id: invoice.id });
      notify(`تحویل کالای فاکتور ${invoiceNumberText(invoice.number)} ثبت شد.`);
    } catch (e) {
      notify(problemOf(e).message, 'error');
    } finally {
      setBusy('');
    }
  };

  const columns: GridColDef<InvoiceView>[] = [
    {
      field: 'number',
      headerName: 'شماره',
      width: 90,
      valueFormatter: (v: string) => invoiceNumberText(v),
    },
    {
      field: 'issuedOn',
      headerName: 'تاریخ',
      width: 95,
      valueFormatter: (v: string) => jalaliDate(v),
    },
    { field: 'patientName', headerName: 'خریدار', flex: 0.8, minWidth: 120 },
    {
      field: 'lines',
      headerName: 'کالاها',
      flex: 1.4,
      minWidth: 180,
      valueFormatter: (v: InvoiceView['lines'], row) =>
        v
          .map((l, i) => {
            const back = row.returnedQty[i] ?? 0;
            const returned = back > 0 ? ` (${faNumber.format(back)} برگشتی)` : '';
            return `${l.title} × ${faNumber.format(l.qty)}${returned}`;
          })
          .join('، '),
    },
    {
      field: 'dueRial',
      headerName: 'مبلغ',
      width: 130,
      valueFormatter: (v: number) => moneyText(v, unit),
    },
    {
      field: 'status',
      headerName: 'پرداخت',
      width: 130,
      renderCell: ({ row }) => <InvoiceStatus invoice={row} />,
    },
    show === 'waiting'
      ? {
          field: 'actions',
          headerName: '',
          width: 200,
          sortable: false,
          renderCell: ({ row }) => (
            <Box
              sx={{ display: 'flex', gap: 1, alignItems: 'center', height: '100%' }}
              onClick={(e) => e.stopPropagation()}
            >
              {rights.has('shop.deliver') && (
                <Button
                  size="small"
                  variant="contained"
                  disabled={busy === row.id}
                  onClick={() => void deliver(row)}
                >
                  تحویل شد
                </Button>
              )}
              {rights.has('cashier.refund') && (
                <Button size="small" color="error" onClick={() => setVoiding(row)}>
                  مرجوعی
                </Button>
              )}
            </Box>
          ),
        }
      : {
          field: 'deliveredBy',
          headerName: 'تحویل‌دهنده',
          width: 230,
          valueFormatter: (_v, row) =>
            `${staffName(row.deliveredBy)} — ${jalaliDateTime(row.deliveredAt)}`,
        },
    ...(show === 'delivered' && rights.has('cashier.refund')
      ? [
          {
            field: 'returns',
            headerName: '',
            width: 210,
            sortable: false,
            renderCell: ({ row }) => (
              <Box
                sx={{ display: 'flex', alignItems: 'center', height: '100%' }}
                onClick={(e) => e.stopPropagation()}
              >
                <Button
                  size="small"
                  color="error"
                  disabled={row.lines.every((l, i) => l.qty === (row.returnedQty[i] ?? 0))}
                  onClick={() => setReturning(row)}
                >
                  مرجوعی کالای تحویل‌شده
                </Button>
              </Box>
            ),
          } satisfies GridColDef<InvoiceView>,
        ]
      : []),
  ];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <ToggleButtonGroup
        exclusive
        size="small"
        color="primary"
        value={show}
        onChange={(_e, v: Show | null) => v && setShow(v)}
        aria-label="وضعیت تحویل"
      >
        <ToggleButton value="waiting">
          در انتظار تحویل ({faNumber.format(shop.filter((i) => !i.deliveredBy).length)})
        </ToggleButton>
        <ToggleButton value="delivered">تحویل‌شده</ToggleButton>
      </ToggleButtonGroup>
      {error && <Alert severity="error">{error.message}</Alert>}
      <Paper variant="outlined" sx={{ height: 'calc(100vh - 300px)', minHeight: 320 }}>
        <DataGrid
          rows={rows}
          columns={columns}
          loading={!data && !error}
          disableColumnMenu
          disableRowSelectionOnClick
          onRowClick={(p) => setOpen(p.row)}
          localeText={gridLocaleText}
          slots={{
            noRowsOverlay: () => (
              <EmptyState
                icon={<LocalShippingIcon color="disabled" sx={{ fontSize: 48 }} />}
                title={show === 'waiting' ? 'کالای تحویل‌نشده‌ای نیست' : 'هنوز تحویلی ثبت نشده است'}
                text="هر فاکتور فروشگاه تا وقتی کالایش به خریدار داده نشده این‌جا می‌ماند؛ با «تحویل شد» نام شما و زمان تحویل ثبت می‌شود."
              />
            ),
          }}
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Paper>
      {open && (
        <InvoiceDialog id={open.id} patientId={open.patientId} onClose={() => setOpen(null)} />
      )}
      {voiding && (
        <VoidDialog
          invoice={voiding}
          onClose={() => setVoiding(null)}
          onDone={() => {
            setVoiding(null);
            notify('مرجوعی ثبت شد؛ کالا به انبار برگشت.');
          }}
        />
      )}
      {returning && (
        <ReturnDeliveredDialog
          invoice={returning}
          onClose={() => setReturning(null)}
          onDone={(_after, creditRial, warehouseName) => {
            setReturning(null);
            notify(
              `مرجوعی ثبت شد؛ کالا به «${warehouseName}» برگشت` +
                (creditRial > 0 ? ` و ${moneyText(creditRial, unit)} به حساب بیمار آمد.` : '.'),
            );
          }}
        />
      )}
    </Box>
  );
}
