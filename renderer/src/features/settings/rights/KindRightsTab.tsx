import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import SaveIcon from '@mui/icons-material/Save';
import RestartAltIcon from '@mui/icons-material/RestartAlt';
import { BridgeError } from '../../../../../shared/api/bridge-error';
import { effectiveRights, type PermissionId } from '../../../../../shared/auth/rights';
import { STAFF_KINDS, STAFF_KIND_LABELS, type StaffKind } from '../../../../../shared/domain/staff';
import { useCall } from '../../../hooks/use-call';
import { useRights } from '../../../hooks/use-rights';
import { bridge } from '../../../lib/bridge';
import { useNotify } from '../../../state/notify-store';
import { RightsMatrix, rightsDiff } from './RightsMatrix';

const EDITABLE_KINDS = STAFF_KINDS.filter((k) => k !== 'manager');

/** Each staff kind's rights at this center: the product's defaults plus the center's changes. */
export function KindRightsTab() {
  const { data, error } = useCall('rights.get', {}, ['center']);
  const [kind, setKind] = useState<StaffKind>('reception');
  if (error && !data) return <Alert severity="error">{error.message}</Alert>;
  if (!data) return <CircularProgress aria-label="در حال بارگذاری" />;
  const baseline = new Set(data.defaults[kind]);
  const current = effectiveRights(
    { kind, active: true, rightsGranted: [], rightsRevoked: [] },
    data.byKind,
  );
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }}>
      <Typography color="text.secondary" sx={{ mb: 1 }}>
        آنچه هر نقش به‌طور پیش‌فرض می‌تواند انجام دهد. تغییر اینجا روی همهٔ کارکنان آن نقش اثر دارد،
        جز آنچه برای یک شخص جداگانه تغییر داده شده است. مدیر همیشه همهٔ دسترسی‌ها را دارد.
      </Typography>
      <Tabs
        value={kind}
        onChange={(_e, k: StaffKind) => setKind(k)}
        variant="scrollable"
        aria-label="نقش"
        sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
      >
        {EDITABLE_KINDS.map((k) => (
          <Tab key={k} value={k} label={STAFF_KIND_LABELS[k]} />
        ))}
      </Tabs>
      <KindEditor
        key={`${kind}|${[...current].sort().join(',')}`}
        kind={kind}
        permissions={data.permissions}
        baseline={baseline}
        initial={current}
      />
    </Paper>
  );
}

function KindEditor({
  kind,
  permissions,
  baseline,
  initial,
}: {
  kind: StaffKind;
  permissions: Parameters<typeof RightsMatrix>[0]['permissions'];
  baseline: Set<PermissionId>;
  initial: Set<PermissionId>;
}) {
  const canEdit = useRights().has('staff.manage');
  const notify = useNotify((s) => s.notify);
  const [value, setValue] = useState<Set<PermissionId>>(initial);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const dirty = [...value].sort().join() !== [...initial].sort().join();

  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await bridge.call('rights.setKind', { kind, ...rightsDiff(baseline, value) });
      notify(`دسترسی‌های نقش «${STAFF_KIND_LABELS[kind]}» ذخیره شد.`);
    } catch (e) {
      setProblem(e instanceof BridgeError ? e.message : 'ذخیره انجام نشد. دوباره تلاش کنید.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {!canEdit && (
        <Alert severity="info">
          تغییر دسترسی‌ها مجوز «مدیریت کارکنان و دسترسی‌ها» می‌خواهد؛ شما فقط می‌بینید.
        </Alert>
      )}
      {problem && (
        <Alert severity="error" role="alert">
          {problem}
        </Alert>
      )}
      <RightsMatrix
        permissions={permissions}
        baseline={baseline}
        value={value}
        onChange={setValue}
        disabled={!canEdit || busy}
        labels={{ fromBaseline: 'پیش‌فرض', added: 'افزودهٔ مرکز', removed: 'برداشتهٔ مرکز' }}
      />
      {canEdit && (
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button
            variant="contained"
            startIcon={<SaveIcon />}
            disabled={!dirty || busy}
            onClick={() => void save()}
          >
            ذخیرهٔ دسترسی‌های {STAFF_KIND_LABELS[kind]}
          </Button>
          <Button
            startIcon={<RestartAltIcon />}
            disabled={busy}
            onClick={() => setValue(new Set(baseline))}
          >
            بازگشت به پیش‌فرض برنامه
          </Button>
        </Box>
      )}
    </Box>
  );
}
