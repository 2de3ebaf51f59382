import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/EditOutlined';
import CategoryIcon from '@mui/icons-material/CategoryOutlined';
import MedicalServicesIcon from '@mui/icons-material/MedicalServicesOutlined';
import type { CatalogItem } from '../../../../../shared/domain/catalog';
import { EmptyState } from '../../../components/EmptyState';
import { useCall } from '../../../hooks/use-call';
import { useRights } from '../../../hooks/use-rights';
import { faNumber } from '../../../lib/format';
import { useNotify } from '../../../state/notify-store';
import { DepartmentDialog } from './DepartmentDialog';
import { ServiceDialog } from './ServiceDialog';
import { ServicesGrid } from './ServicesGrid';

type Editing =
  { kind: 'department'; item: CatalogItem | null } | { kind: 'service'; item: CatalogItem | null };

/** Departments and the services each offers (C3), with prices in the center's money unit. */
export function CatalogTab() {
  const { data, error } = useCall('catalog.list', { includeInactive: true }, ['catalog']);
  const { data: centerData } = useCall('center.get', {}, ['center']);
  const unit = centerData?.center?.moneyUnit ?? 'toman';
  const canEdit = useRights().has('settings.edit');
  const notify = useNotify((s) => s.notify);
  const [chosen, setChosen] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [dialogKey, setDialogKey] = useState(0);

  const departments = useMemo(() => data?.departments ?? [], [data]);
  const selected = departments.find((d) => d.id === chosen) ?? departments[0] ?? null;
  const services = useMemo(
    () => (data?.services ?? []).filter((s) => s.departmentId === selected?.id),
    [data, selected],
  );
  const countOf = (id: string) => data?.services.filter((s) => s.departmentId === id).length ?? 0;

  const open = (next: Editing) => {
    setEditing(next);
    setDialogKey((k) => k + 1);
  };

  if (error && !data) return <Alert severity="error">{error.message}</Alert>;
  if (!data) return <CircularProgress aria-label="در حال بارگذاری" />;

  if (departments.length === 0) {
    return (
      <Paper variant="outlined">
        <EmptyState
          icon={<CategoryIcon color="disabled" sx={{ fontSize: 48 }} />}
          title="هنوز بخشی تعریف نشده است"
          text="خدمات مرکز در بخش‌ها دسته‌بندی می‌شوند (مانند «فیزیوتراپی» یا «زیبایی»). نخست یک بخش بسازید، سپس خدمات آن را با مبلغ و مدت هر نوبت اضافه کنید."
          action={
            canEdit && (
              <Button
                variant="contained"
                startIcon={<AddIcon />}
                onClick={() => open({ kind: 'department', item: null })}
              >
                بخش تازه
              </Button>
            )
          }
        />
        {editing && renderDialog()}
      </Paper>
    );
  }

  function renderDialog() {
    if (!editing) return null;
    const close = () => setEditing(null);
    if (editing.kind === 'department') {
      return (
        <DepartmentDialog
          key={dialogKey}
          department={editing.item}
          onClose={close}
          onSaved={(saved, created) => {
            close();
            setChosen(saved.id);
            notify(created ? `بخش «${saved.name}» ساخته شد.` : 'تغییرات بخش ذخیره شد.');
          }}
        />
      );
    }
    return (
      <ServiceDialog
        key={dialogKey}
        service={editing.item}
        departments={departments}
        departmentId={selected?.id ?? ''}
        unit={unit}
        onClose={close}
        onSaved={(saved, created) => {
          close();
          setChosen(saved.departmentId);
          notify(created ? `خدمت «${saved.name}» ثبت شد.` : 'تغییرات خدمت ذخیره شد.');
        }}
      />
    );
  }

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '280px minmax(0, 1fr)', gap: 2 }}>
      <Paper variant="outlined" sx={{ alignSelf: 'start' }}>
        <Box sx={{ display: 'flex', alignItems: 'center', p: 2, pb: 1 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, flexGrow: 1 }}>
            بخش‌ها
          </Typography>
          {canEdit && (
            <Button
              size="small"
              startIcon={<AddIcon />}
              onClick={() => open({ kind: 'department', item: null })}
            >
              بخش تازه
            </Button>
          )}
        </Box>
        <List dense aria-label="بخش‌ها" sx={{ px: 1, pb: 1 }}>
          {departments.map((d) => (
            <ListItem
              key={d.id}
              disablePadding
              secondaryAction={
                canEdit && (
                  <Tooltip title="ویرایش بخش">
                    <IconButton
                      edge="end"
                      size="small"
                      aria-label={`ویرایش بخش ${d.name}`}
                      onClick={() => open({ kind: 'department', item: d })}
                    >
                      <EditIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                )
              }
            >
              <ListItemButton
                selected={d.id === selected?.id}
                onClick={() => setChosen(d.id)}
                sx={{ borderRadius: 2 }}
              >
                <ListItemText
                  primary={d.name}
                  secondary={`${faNumber.format(countOf(d.id))} خدمت`}
                  sx={{ opacity: d.active ? 1 : 0.6 }}
                />
                {!d.active && <Chip size="small" label="غیرفعال" sx={{ mx: 1 }} />}
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      </Paper>
      <Paper variant="outlined" sx={{ minWidth: 0 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 2, pb: 1 }}>
          <Box sx={{ flexGrow: 1, minWidth: 0 }}>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
              خدمات بخش «{selected?.name}»
            </Typography>
            {selected?.description && (
              <Typography variant="body2" color="text.secondary">
                {selected.description}
              </Typography>
            )}
          </Box>
          {canEdit && (
            <Button
              variant="contained"
              startIcon={<AddIcon />}
              onClick={() => open({ kind: 'service', item: null })}
            >
              خدمت تازه
            </Button>
          )}
        </Box>
        {services.length === 0 ? (
          <EmptyState
            icon={<MedicalServicesIcon color="disabled" sx={{ fontSize: 48 }} />}
            title="این بخش هنوز خدمتی ندارد"
            text="هر خدمت مبلغ و مدت یک نوبت را دارد؛ بیماران و پذیرش نوبت را برای یک خدمت می‌گیرند. با «خدمت تازه» نخستین خدمت این بخش را ثبت کنید."
          />
        ) : (
          <ServicesGrid
            services={services}
            unit={unit}
            onOpen={canEdit ? (item) => open({ kind: 'service', item }) : undefined}
          />
        )}
      </Paper>
      {renderDialog()}
    </Box>
  );
}
