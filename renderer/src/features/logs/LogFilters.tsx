import Paper from '@mui/material/Paper';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import FilterAltOffIcon from '@mui/icons-material/FilterAltOff';
import { staffFullName } from '../../../../shared/domain/staff';
import { INVALID_DATE, JalaliDateField } from '../../components/JalaliDateField';
import { useCall } from '../../hooks/use-call';
import { COLLECTION_LABELS } from './audit-labels';

export interface LogFilterValues {
  actorId: string;
  /** `YYYY-MM-DD`, '' or {@link INVALID_DATE}. */
  from: string;
  to: string;
  section: string;
  targetId: string;
}

export const NO_FILTERS: LogFilterValues = {
  actorId: '',
  from: '',
  to: '',
  section: '',
  targetId: '',
};

export function filterProblems(f: LogFilterValues): Partial<Record<'from' | 'to', string>> {
  const problems: Partial<Record<'from' | 'to', string>> = {};
  if (f.from === INVALID_DATE) problems.from = 'این روز در تقویم نیست.';
  if (f.to === INVALID_DATE) problems.to = 'این روز در تقویم نیست.';
  if (!problems.from && !problems.to && f.from && f.to && f.from > f.to) {
    problems.to = 'تاریخ پایان پیش از تاریخ آغاز است.';
  }
  return problems;
}

/** Who, when, which section, which document. */
export function LogFilters({
  value,
  onChange,
}: {
  value: LogFilterValues;
  onChange(next: LogFilterValues): void;
}) {
  const { data: staff } = useCall('staff.list', {}, ['staff']);
  const problems = filterProblems(value);
  const set = (patch: Partial<LogFilterValues>) => onChange({ ...value, ...patch });
  const any = Object.values(value).some((v) => v !== '');

  return (
    <Paper
      variant="outlined"
      role="search"
      aria-label="فیلتر گزارش"
      sx={{
        p: 1.5,
        display: 'grid',
        gridTemplateColumns: 'repeat(5, minmax(0, 1fr)) auto',
        gap: 1.5,
        alignItems: 'start',
      }}
    >
      <TextField
        select
        label="شخص"
        value={value.actorId}
        onChange={(e) => set({ actorId: e.target.value })}
        slotProps={{ htmlInput: { name: 'actorId' } }}
      >
        <MenuItem value="">همه</MenuItem>
        {(staff ?? []).map((s) => (
          <MenuItem key={s.id} value={s.id}>
            {staffFullName(s)}
          </MenuItem>
        ))}
      </TextField>
      <JalaliDateField
        name="from"
        label="از تاریخ"
        value={value.from}
        onChange={(from) => set({ from })}
        maxDate={value.to && value.to !== INVALID_DATE ? value.to : undefined}
        error={!!problems.from}
        helperText={problems.from}
      />
      <JalaliDateField
        name="to"
        label="تا تاریخ"
        value={value.to}
        onChange={(to) => set({ to })}
        minDate={value.from && value.from !== INVALID_DATE ? value.from : undefined}
        error={!!problems.to}
        helperText={problems.to}
      />
      <TextField
        select
        label="بخش"
        value={value.section}
        onChange={(e) => set({ section: e.target.value })}
        slotProps={{ htmlInput: { name: 'section' } }}
      >
        <MenuItem value="">همه</MenuItem>
        {Object.entries(COLLECTION_LABELS).map(([id, label]) => (
          <MenuItem key={id} value={id}>
            {label}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label="شناسهٔ سند"
        value={value.targetId}
        onChange={(e) => set({ targetId: e.target.value.trim() })}
        slotProps={{ htmlInput: { name: 'targetId', dir: 'ltr', style: { textAlign: 'right' } } }}
      />
      <Button
        startIcon={<FilterAltOffIcon />}
        onClick={() => onChange(NO_FILTERS)}
        disabled={!any}
        sx={{ mt: 0.25, whiteSpace: 'nowrap' }}
      >
        پاک کردن فیلترها
      </Button>
    </Paper>
  );
}
