import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import SearchIcon from '@mui/icons-material/Search';
import type { StaffView } from '../../../../shared/api/setup';
import {
  APPOINTMENT_STATUSES,
  type AppointmentStatus,
} from '../../../../shared/domain/appointments';
import type { CatalogItem } from '../../../../shared/domain/catalog';
import { staffFullName } from '../../../../shared/domain/staff';
import { JalaliDateField } from '../../components/JalaliDateField';
import { SOURCE_LABELS, STATUS_LABELS } from '../../lib/appointments';
import { emptySelectProps } from '../../lib/inputs';

export interface AppointmentFilterValues {
  from: string;
  to: string;
  providerId: string;
  serviceId: string;
  departmentId: string;
  statuses: AppointmentStatus[];
  source: '' | 'desk' | 'portal';
  query: string;
  sort: 'time-asc' | 'time-desc';
}

export const NO_FILTERS: Omit<AppointmentFilterValues, 'from' | 'to' | 'sort'> = {
  providerId: '',
  serviceId: '',
  departmentId: '',
  statuses: [],
  source: '',
  query: '',
};

const selectSx = { flex: '1 1 170px', minWidth: 160, maxWidth: 240 };

/** Filters of the appointments list: days (Jalali), who, what, status, source, free text, order. */
export function AppointmentFilters({
  value,
  onChange,
  providers,
  departments,
  services,
  onClear,
}: {
  value: AppointmentFilterValues;
  onChange(changes: Partial<AppointmentFilterValues>): void;
  providers: StaffView[];
  departments: CatalogItem[];
  services: CatalogItem[];
  onClear(): void;
}) {
  const shownServices = value.departmentId
    ? services.filter((s) => s.departmentId === value.departmentId)
    : services;
  const select = (
    name: 'providerId' | 'serviceId' | 'departmentId' | 'source' | 'sort',
    label: string,
    options: { id: string; label: string }[],
    all: string | null,
  ) => (
    <TextField
      select
      name={name}
      label={label}
      value={value[name]}
      onChange={(e) => onChange({ [name]: e.target.value })}
      sx={selectSx}
      fullWidth={false}
      slotProps={all !== null ? emptySelectProps : undefined}
    >
      {all !== null && <MenuItem value="">{all}</MenuItem>}
      {options.map((o) => (
        <MenuItem key={o.id} value={o.id}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start' }}>
      <TextField
        value={value.query}
        onChange={(e) => onChange({ query: e.target.value })}
        placeholder="بیمار: نام، کد ملی، همراه، پرونده یا کد پیگیری"
        slotProps={{
          htmlInput: { 'aria-label': 'جستجوی نوبت', type: 'search' },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon />
              </InputAdornment>
            ),
          },
        }}
        sx={{ flex: '2 1 320px', maxWidth: 420 }}
        fullWidth={false}
      />
      <Box sx={{ width: 190 }}>
        <JalaliDateField
          name="from"
          label="از تاریخ"
          value={value.from}
          onChange={(v) => onChange({ from: v })}
        />
      </Box>
      <Box sx={{ width: 190 }}>
        <JalaliDateField
          name="to"
          label="تا تاریخ"
          value={value.to}
          onChange={(v) => onChange({ to: v })}
        />
      </Box>
      {select(
        'providerId',
        'ارائه‌دهنده',
        providers.map((p) => ({ id: p.id, label: staffFullName(p) })),
        'همه',
      )}
      {select(
        'departmentId',
        'بخش',
        departments.map((d) => ({ id: d.id, label: d.name })),
        'همه',
      )}
      {select(
        'serviceId',
        'خدمت',
        shownServices.map((s) => ({ id: s.id, label: s.name })),
        'همه',
      )}
      <Autocomplete
        multiple
        size="small"
        limitTags={2}
        options={[...APPOINTMENT_STATUSES]}
        getOptionLabel={(s) => STATUS_LABELS[s]}
        value={value.statuses}
        onChange={(_e, statuses) => onChange({ statuses })}
        sx={{ flex: '1 1 220px', minWidth: 200, maxWidth: 320 }}
        renderInput={(params) => (
          <TextField {...params} label="وضعیت" placeholder={value.statuses.length ? '' : 'همه'} />
        )}
      />
      {select(
        'source',
        'منبع',
        (['desk', 'portal'] as const).map((s) => ({ id: s, label: SOURCE_LABELS[s] })),
        'همه',
      )}
      {select(
        'sort',
        'ترتیب',
        [
          { id: 'time-asc', label: 'زودترین نخست' },
          { id: 'time-desc', label: 'دیرترین نخست' },
        ],
        null,
      )}
      <Button onClick={onClear} sx={{ mt: 0.25 }}>
        پاک کردن فیلترها
      </Button>
    </Box>
  );
}
