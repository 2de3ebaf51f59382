import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { BridgeError } from '../../../../../shared/api/bridge-error';
import type { StaffView } from '../../../../../shared/api/setup';
import {
  effectiveRights,
  type KindRights,
  type Permission,
  type PermissionId,
} from '../../../../../shared/auth/rights';
import { STAFF_KIND_LABELS, staffFullName } from '../../../../../shared/domain/staff';
import { bridge } from '../../../lib/bridge';
import { RightsMatrix, rightsDiff } from '../rights/RightsMatrix';

/**
 * One person's rights: their kind's rights at this center, ticked, with their own changes marked.
 * Saved as what is granted and revoked relative to the kind.
 */
export function StaffRightsDialog({
  staff,
  permissions,
  byKind,
  readOnly,
  onClose,
  onSaved,
}: {
  staff: StaffView;
  permissions: readonly Permission[];
  byKind: KindRights;
  readOnly: boolean;
  onClose(): void;
  onSaved(saved: StaffView): void;
}) {
  const manager = staff.kind === 'manager';
  const [baseline] = useState(() =>
    effectiveRights(
      { kind: staff.kind, active: true, rightsGranted: [], rightsRevoked: [] },
      byKind,
    ),
  );
  const [value, setValue] = useState<Set<PermissionId>>(() =>
    effectiveRights({ ...staff, active: true }, byKind),
  );
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const name = staffFullName(staff);

  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onSaved(
        await bridge.call('staff.setRights', { id: staff.id, ...rightsDiff(baseline, value) }),
      );
    } catch (e) {
      setProblem(e instanceof BridgeError ? e.message : 'ذخیره انجام نشد. دوباره تلاش کنید.');
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="staff-rights-title">
      <DialogTitle id="staff-rights-title">دسترسی‌های {name}</DialogTitle>
      <DialogContent dividers>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          نقش: {STAFF_KIND_LABELS[staff.kind]}. تیک‌ها دسترسی‌هایی است که این شخص دارد. «از نقش»
          یعنی از نقش او می‌آید؛ برچسب رنگی «افزوده» یا «برداشته» یعنی فقط برای همین شخص تغییر کرده
          است.
        </Typography>
        {manager && (
          <Alert severity="info" sx={{ mb: 2 }}>
            مدیر مرکز همیشه همهٔ دسترسی‌ها را دارد و نمی‌توان آن را کم کرد.
          </Alert>
        )}
        {!staff.active && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            این شخص غیرفعال است و تا دوباره فعال نشود هیچ دسترسی‌ای ندارد.
          </Alert>
        )}
        {problem && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {problem}
          </Alert>
        )}
        <RightsMatrix
          permissions={permissions}
          baseline={baseline}
          value={value}
          onChange={setValue}
          disabled={manager || readOnly || busy}
          labels={{ fromBaseline: 'از نقش', added: 'افزوده', removed: 'برداشته' }}
        />
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        {!manager && !readOnly && (
          <Button sx={{ mr: 'auto' }} disabled={busy} onClick={() => setValue(new Set(baseline))}>
            همان دسترسی‌های نقش
          </Button>
        )}
        <Button onClick={onClose}>{manager || readOnly ? 'بستن' : 'انصراف'}</Button>
        {!manager && !readOnly && (
          <Button variant="contained" disabled={busy} onClick={() => void save()}>
            ذخیرهٔ دسترسی‌ها
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
