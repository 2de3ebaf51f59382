import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { Permission, PermissionId } from '../../../../../shared/auth/rights';
import { sectionTitle } from '../../../app/sections';

export interface RightsMatrixProps {
  permissions: readonly Permission[];
  /** What holds before this change (the kind's defaults). */
  baseline: ReadonlySet<PermissionId>;
  value: ReadonlySet<PermissionId>;
  onChange(next: Set<PermissionId>): void;
  disabled?: boolean;
  /** Words for the marks: where unchanged rights come from, and who changed the others. */
  labels: { fromBaseline: string; added: string; removed: string };
}

/**
 * The permission catalogue grouped by section, each right ticked when held, and marked when it
 * differs from the baseline, so the manager sees what is the default and what was changed.
 */
export function RightsMatrix(props: RightsMatrixProps) {
  const { permissions, baseline, value, onChange, disabled, labels } = props;
  const sections = [...new Set(permissions.map((p) => p.section))];

  const set = (ids: readonly PermissionId[], on: boolean) => {
    const next = new Set(value);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    onChange(next);
  };

  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))',
        gap: 2,
        alignItems: 'start',
      }}
    >
      {sections.map((section) => {
        const group = permissions.filter((p) => p.section === section);
        const ids = group.map((p) => p.id as PermissionId);
        const held = ids.filter((id) => value.has(id)).length;
        const title = sectionTitle(section);
        return (
          <Paper
            key={section}
            variant="outlined"
            component="fieldset"
            sx={{ m: 0, p: 1.5, pt: 1, minWidth: 0 }}
            data-testid={`rights-section-${section}`}
          >
            <Box component="legend" sx={{ px: 0.5 }}>
              <FormControlLabel
                control={
                  <Checkbox
                    size="small"
                    checked={held === ids.length}
                    indeterminate={held > 0 && held < ids.length}
                    disabled={disabled}
                    onChange={(e) => set(ids, e.target.checked)}
                    slotProps={{ input: { 'aria-label': `همهٔ دسترسی‌های ${title}` } }}
                  />
                }
                label={<Typography sx={{ fontWeight: 700 }}>{title}</Typography>}
              />
            </Box>
            {group.map((p) => {
              const id = p.id as PermissionId;
              const on = value.has(id);
              const changed = on !== baseline.has(id);
              return (
                <Box
                  key={id}
                  sx={{ display: 'flex', alignItems: 'center', gap: 1, pr: 2, minHeight: 36 }}
                >
                  <FormControlLabel
                    sx={{ flexGrow: 1, mr: 0 }}
                    control={
                      <Checkbox
                        size="small"
                        checked={on}
                        disabled={disabled}
                        onChange={(e) => set([id], e.target.checked)}
                        name={id}
                      />
                    }
                    label={p.label}
                  />
                  {changed ? (
                    <Chip
                      size="small"
                      color={on ? 'success' : 'warning'}
                      label={on ? labels.added : labels.removed}
                      data-testid={`right-change-${id}`}
                    />
                  ) : (
                    on && (
                      <Typography variant="caption" color="text.secondary" noWrap>
                        {labels.fromBaseline}
                      </Typography>
                    )
                  )}
                </Box>
              );
            })}
          </Paper>
        );
      })}
    </Box>
  );
}

/** The change from `baseline` to `value`, as the contract takes it. */
export function rightsDiff(
  baseline: ReadonlySet<PermissionId>,
  value: ReadonlySet<PermissionId>,
): { granted: PermissionId[]; revoked: PermissionId[] } {
  return {
    granted: [...value].filter((p) => !baseline.has(p)),
    revoked: [...baseline].filter((p) => !value.has(p)),
  };
}
