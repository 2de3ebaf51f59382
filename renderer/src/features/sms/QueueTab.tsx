import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import SmsIcon from '@mui/icons-material/SmsOutlined';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import type { MessageRow } from '../../../../shared/api/messages';
import {
  MESSAGE_KIND_LABELS,
  MESSAGE_STATUS_LABELS,
  MESSAGE_STATUSES,
  type MessageStatus,
} from '../../../../shared/domain/messages';
import { EmptyState } from '../../components/EmptyState';
import { useCall } from '../../hooks/use-call';
import { useRights } from '../../hooks/use-rights';
import { bridge } from '../../lib/bridge';
import { problemOf } from '../../lib/errors';
import { faNumber, jalaliDateTime, mobileText } from '../../lib/format';
import { gridLocaleText } from '../../lib/grid-locale';
import { useNotify } from '../../state/notify-store';
import { SendDialog } from './SendDialog';
import { SmsBalance } from './SmsBalance';

const STATUS_COLORS: Record<MessageStatus, 'default' | 'info' | 'success' | 'error' | 'warning'> = {
  waiting: 'warning',
  sending: 'info',
  sent: 'info',
  delivered: 'success',
  failed: 'error',
  deleted: 'default',
};

/** The SMS queue (B7): by status with counts; waiting messages can be deleted, new ones written. */
export function QueueTab() {
  const rights = useRights();
  const notify = useNotify((s) => s.notify);
  const [status, setStatus] = useState<MessageStatus | ''>('');
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [sending, setSending] = useState(false);
  const { data, error, loading } = useCall(
    'messages.list',
    {
      ...(status ? { statuses: [status] } : {}),
      limit: paging.pageSize,
      offset: paging.page * paging.pageSize,
    },
    ['messages', 'patients'],
  );
  const counts = data?.counts ?? {};
  const all = Object.values(counts).reduce((s, n) => s + n, 0);
  const canManage = rights.has('sms.manage');

  const remove = async (m: MessageRow) => {
    try {
      await bridge.call('messages.delete', { id: m.id });
      notify(`پیامک ${m.patientName || mobileText(m.to)} از صف حذف شد.`);
    } catch (e) {
      notify(problemOf(e).message, 'error');
    }
  };

  const columns: GridColDef<MessageRow>[] = [
    {
      field: 'createdAt',
      headerName: 'زمان',
      width: 130,
      valueFormatter: (v: string) => jalaliDateTime(v),
    },
    {
      field: 'patientName',
      headerName: 'گیرنده',
      width: 150,
      renderCell: ({ row }) => (
        <Box sx={{ lineHeight: 1.3 }}>
          <Typography variant="body2" noWrap>
            {row.patientName || '—'}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {mobileText(row.to)}
          </Typography>
        </Box>
      ),
    },
    {
      field: 'kind',
      headerName: 'نوع',
      width: 110,
      valueFormatter: (v: MessageRow['kind']) => MESSAGE_KIND_LABELS[v],
    },
    {
      field: 'text',
      headerName: 'متن',
      flex: 1,
      minWidth: 220,
      renderCell: ({ value }) => (
        <Typography variant="body2" sx={{ whiteSpace: 'normal', py: 1 }}>
          {value as string}
        </Typography>
      ),
    },
    {
      field: 'status',
      headerName: 'وضعیت',
      width: 220,
      renderCell: ({ row }) => (
        <Box sx={{ lineHeight: 1.2, py: 1 }}>
          <Chip
            size="small"
            color={STATUS_COLORS[row.status]}
            label={MESSAGE_STATUS_LABELS[row.status]}
          />
          {row.status === 'failed' && row.lastError && (
            <Typography
              variant="caption"
              color="error"
              sx={{ display: 'block', whiteSpace: 'normal', mt: 0.5 }}
            >
              {row.lastError}
            </Typography>
          )}
        </Box>
      ),
    },
    {
      field: 'actions',
      headerName: '',
      width: 56,
      sortable: false,
      renderCell: ({ row }) =>
        canManage && row.status === 'waiting' ? (
          <Tooltip title="حذف از صف (فرستاده نمی‌شود)">
            <IconButton
              size="small"
              aria-label={`حذف پیامک ${row.patientName}`}
              onClick={() => void remove(row)}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        ) : null,
    },
  ];

  const chip = (value: MessageStatus | '', label: string, count: number) => (
    <Chip
      key={value || 'all'}
      label={`${label} (${faNumber.format(count)})`}
      color={status === value ? 'primary' : 'default'}
      variant={status === value ? 'filled' : 'outlined'}
      onClick={() => {
        setStatus(value);
        setPaging((p) => ({ ...p, page: 0 }));
      }}
      data-testid={`sms-count-${value || 'all'}`}
    />
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <SmsBalance />
      <Box
        sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}
        role="group"
        aria-label="وضعیت پیامک‌ها"
      >
        {chip('', 'همه', all)}
        {MESSAGE_STATUSES.map((s) => chip(s, MESSAGE_STATUS_LABELS[s], counts[s] ?? 0))}
        <Box sx={{ flexGrow: 1 }} />
        {canManage && (
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setSending(true)}>
            پیامک تازه
          </Button>
        )}
      </Box>
      {error && <Alert severity="error">{error.message}</Alert>}
      <Paper variant="outlined" sx={{ height: 'calc(100vh - 390px)', minHeight: 360 }}>
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
          getRowHeight={() => 'auto'}
          localeText={gridLocaleText}
          slots={{
            noRowsOverlay: () => (
              <EmptyState
                icon={<SmsIcon color="disabled" sx={{ fontSize: 48 }} />}
                title={
                  status
                    ? `پیامکی با وضعیت «${MESSAGE_STATUS_LABELS[status]}» نیست`
                    : 'صف پیامک خالی است'
                }
                text="با ثبت نوبت، لغو آن یا ثبت بیمار تازه، پیامک خودکار (بنا به تنظیمات پیامک) این‌جا در صف ارسال می‌نشیند و سرور مرکز آن را می‌فرستد."
              />
            ),
          }}
          sx={{ border: 0 }}
        />
      </Paper>
      {sending && (
        <SendDialog
          onClose={() => setSending(false)}
          onDone={() => {
            setSending(false);
            notify('پیامک به صف ارسال افزوده شد.');
          }}
        />
      )}
    </Box>
  );
}
