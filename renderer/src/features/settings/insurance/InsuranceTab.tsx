import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/EditOutlined';
import HealthAndSafetyIcon from '@mui/icons-material/HealthAndSafetyOutlined';
import HandshakeIcon from '@mui/icons-material/HandshakeOutlined';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import {
  INSURER_TYPE_LABELS,
  INSURER_TYPES,
  type CatalogItem,
} from '../../../../../shared/domain/catalog';
import { EmptyState } from '../../../components/EmptyState';
import { useCall } from '../../../hooks/use-call';
import { useMoneyUnit } from '../../../hooks/use-center';
import { useRights } from '../../../hooks/use-rights';
import { faNumber } from '../../../lib/format';
import { gridLocaleText } from '../../../lib/grid-locale';
import { moneyText, percentText } from '../../../lib/money';
import { useNotify } from '../../../state/notify-store';
import { ContractDialog } from './ContractDialog';
import { InsurerDialog } from './InsurerDialog';

type Editing =
  { kind: 'insurer'; item: CatalogItem | null } | { kind: 'contract'; item: CatalogItem | null };

/** Contracted insurers (C4): basic and supplementary, and each one's tariff and share per service. */
export function InsuranceTab() {
  const { data, error } = useCall('catalog.listAll', {}, ['catalog']);
  const unit = useMoneyUnit();
  const canEdit = useRights().has('settings.edit');
  const notify = useNotify((s) => s.notify);
  const [chosen, setChosen] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);

  const insurers = useMemo(() => data?.insurers ?? [], [data]);
  const selected = insurers.find((i) => i.id === chosen) ?? insurers[0] ?? null;
  const contracts = useMemo(
    () => (data?.contracts ?? []).filter((c) => c.insurerId === selected?.id),
    [data, selected],
  );
  const serviceName = (id: string) => data?.services.find((s) => s.id === id)?.name ?? '—';
  const servicePrice = (id: string) => data?.services.find((s) => s.id === id)?.priceRial ?? 0;

  if (error && !data) return <Alert severity="error">{error.message}</Alert>;
  if (!data) return <CircularProgress aria-label="در حال بارگذاری" />;

  const dialog = editing && (
    <>
      {editing.kind === 'insurer' && (
        <InsurerDialog
          insurer={editing.item}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            setChosen(saved.id);
            notify(created ? `بیمهٔ «${saved.name}» ثبت شد.` : 'تغییرات بیمه ذخیره شد.');
          }}
        />
      )}
      {editing.kind === 'contract' && selected && (
        <ContractDialog
          insurer={selected}
          contract={editing.item}
          departments={data.departments}
          services={data.services}
          taken={new Set(contracts.map((c) => c.serviceId))}
          unit={unit}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            notify(created ? `قرارداد «${saved.name}» ثبت شد.` : 'تغییرات قرارداد ذخیره شد.');
          }}
        />
      )}
    </>
  );

  if (insurers.length === 0) {
    return (
      <Paper variant="outlined">
        <EmptyState
          icon={<HealthAndSafetyIcon color="disabled" sx={{ fontSize: 48 }} />}
          title="هنوز بیمه‌ای تعریف نشده است"
          text="بیمه‌هایی را که مرکز با آن‌ها قرارداد دارد ثبت کنید: بیمهٔ پایه (مانند تأمین اجتماعی یا سلامت) و بیمهٔ تکمیلی. سپس برای هر خدمت تعرفه و سهم بیمه را بنویسید تا صورت‌حساب بیمه‌شدگان خودکار تقسیم شود."
          action={
            canEdit && (
              <Button
                variant="contained"
                startIcon={<AddIcon />}
                onClick={() => setEditing({ kind: 'insurer', item: null })}
              >
                بیمهٔ تازه
              </Button>
            )
          }
        />
        {dialog}
      </Paper>
    );
  }

  const columns: GridColDef<CatalogItem>[] = [
    {
      field: 'serviceId',
      headerName: 'خدمت',
      flex: 1.4,
      minWidth: 160,
      valueGetter: (v: string) => serviceName(v),
    },
    {
      field: 'price',
      headerName: 'بهای آزاد',
      flex: 1,
      minWidth: 120,
      valueGetter: (_v, row) => servicePrice(row.serviceId),
      valueFormatter: (v: number) => moneyText(v, unit),
    },
    {
      field: 'tariffRial',
      headerName: 'تعرفهٔ بیمه',
      flex: 1,
      minWidth: 120,
      valueFormatter: (v: number) => moneyText(v, unit),
    },
    {
      field: 'insurerShareBp',
      headerName: 'سهم بیمه',
      width: 100,
      valueFormatter: (v: number) => percentText(v),
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
    <Box sx={{ display: 'grid', gridTemplateColumns: '300px minmax(0, 1fr)', gap: 2 }}>
      <Paper variant="outlined" sx={{ alignSelf: 'start' }}>
        <Box sx={{ display: 'flex', alignItems: 'center', p: 2, pb: 0 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, flexGrow: 1 }}>
            بیمه‌ها
          </Typography>
          {canEdit && (
            <Button
              size="small"
              startIcon={<AddIcon />}
              onClick={() => setEditing({ kind: 'insurer', item: null })}
            >
              بیمهٔ تازه
            </Button>
          )}
        </Box>
        <List dense aria-label="بیمه‌ها" sx={{ px: 1, pb: 1 }}>
          {INSURER_TYPES.map((type) => (
            <Box key={type}>
              <ListSubheader
                disableSticky
                sx={{ lineHeight: 2.5, fontSize: 12, fontWeight: 700, color: 'primary.main' }}
              >
                {INSURER_TYPE_LABELS[type]}
              </ListSubheader>
              {insurers
                .filter((i) => i.insurerType === type)
                .map((i) => (
                  <ListItemButton
                    key={i.id}
                    selected={i.id === selected?.id}
                    onClick={() => setChosen(i.id)}
                    sx={{ borderRadius: 2 }}
                  >
                    <ListItemText
                      primary={i.name}
                      secondary={`${faNumber.format(
                        data.contracts.filter((c) => c.insurerId === i.id).length,
                      )} قرارداد`}
                      sx={{ opacity: i.active ? 1 : 0.6 }}
                    />
                    {!i.active && <Chip size="small" label="غیرفعال" />}
                  </ListItemButton>
                ))}
            </Box>
          ))}
        </List>
      </Paper>
      <Paper variant="outlined" sx={{ minWidth: 0 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, p: 2, pb: 1 }}>
          <Box sx={{ flexGrow: 1, minWidth: 0 }}>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
              قراردادهای «{selected?.name}»
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {selected?.insurerType === 'supplementary'
                ? 'بیمهٔ تکمیلی درصدی از سهم بیمار پس از بیمهٔ پایه را می‌پردازد.'
                : 'بیمهٔ پایه درصدی از تعرفه را می‌پردازد؛ بیمار باقی را.'}
            </Typography>
          </Box>
          {canEdit && selected && (
            <>
              <Button
                startIcon={<EditIcon />}
                onClick={() => setEditing({ kind: 'insurer', item: selected })}
              >
                ویرایش بیمه
              </Button>
              <Button
                variant="contained"
                startIcon={<AddIcon />}
                disabled={data.services.length === 0}
                onClick={() => setEditing({ kind: 'contract', item: null })}
              >
                قرارداد تازه
              </Button>
            </>
          )}
        </Box>
        {contracts.length === 0 ? (
          <EmptyState
            icon={<HandshakeIcon color="disabled" sx={{ fontSize: 48 }} />}
            title="این بیمه هنوز قراردادی ندارد"
            text={
              data.services.length === 0
                ? 'نخست در «بخش‌ها و خدمات» خدمات مرکز را تعریف کنید؛ سپس برای هر خدمت تعرفه و سهم این بیمه را بنویسید.'
                : 'برای هر خدمتی که این بیمه پوشش می‌دهد، تعرفه و سهم بیمه را با «قرارداد تازه» ثبت کنید. خدمتی که قرارداد ندارد با بهای آزاد و بدون سهم بیمه حساب می‌شود.'
            }
          />
        ) : (
          <DataGrid
            rows={contracts}
            columns={columns}
            autoHeight
            hideFooter={contracts.length <= 100}
            disableColumnMenu
            disableRowSelectionOnClick
            onRowClick={canEdit ? (p) => setEditing({ kind: 'contract', item: p.row }) : undefined}
            localeText={gridLocaleText}
            sx={{ border: 0, '& .MuiDataGrid-row': { cursor: canEdit ? 'pointer' : 'default' } }}
          />
        )}
      </Paper>
      {dialog}
    </Box>
  );
}
