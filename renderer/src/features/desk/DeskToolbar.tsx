import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import type { StaffView } from '../../../../shared/api/setup';
import type { CatalogItem } from '../../../../shared/domain/catalog';
import { staffFullName } from '../../../../shared/domain/staff';
import { JalaliDateField } from '../../components/JalaliDateField';
import { DEFAULT_DURATION_MIN } from '../appointments/BookingDialog';
import { emptySelectProps } from '../../lib/inputs';

export type DeskView = 'day' | 'week';

export interface DeskToolbarProps {
  view: DeskView;
  date: string;
  providers: StaffView[];
  /** Day view: the providers shown side by side; week view: the one provider (first). */
  chosen: string[];
  services: CatalogItem[];
  serviceId: string;
  onView(view: DeskView): void;
  onDate(date: string): void;
  onStep(direction: -1 | 1): void;
  onToday(): void;
  onChosen(ids: string[]): void;
  onService(id: string): void;
}

/** Day/week, date navigation (Jalali), providers, the service whose free times are shown. */
export function DeskToolbar(p: DeskToolbarProps) {
  const name = (id: string) => {
    const s = p.providers.find((x) => x.id === id);
    return s ? staffFullName(s) : '';
  };
  const unit = p.view === 'day' ? 'روز' : 'هفته';
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5 }}>
      <ToggleButtonGroup
        exclusive
        size="small"
        color="primary"
        value={p.view}
        onChange={(_e, v: DeskView | null) => v && p.onView(v)}
        aria-label="نما"
      >
        <ToggleButton value="day" sx={{ px: 2 }}>
          روز
        </ToggleButton>
        <ToggleButton value="week" sx={{ px: 2 }}>
          هفته
        </ToggleButton>
      </ToggleButtonGroup>
      <Box sx={{ display: 'flex', alignItems: 'center' }}>
        <Tooltip title={`${unit} قبل`}>
          <IconButton aria-label={`${unit} قبل`} onClick={() => p.onStep(-1)}>
            <ChevronRightIcon />
          </IconButton>
        </Tooltip>
        <Button variant="outlined" size="small" onClick={p.onToday}>
          امروز
        </Button>
        <Tooltip title={`${unit} بعد`}>
          <IconButton aria-label={`${unit} بعد`} onClick={() => p.onStep(1)}>
            <ChevronLeftIcon />
          </IconButton>
        </Tooltip>
      </Box>
      <Box sx={{ width: 200 }}>
        <JalaliDateField
          name="deskDate"
          label="تاریخ"
          value={p.date}
          onChange={(v) => {
            if (/^\d{4}-\d{2}-\d{2}$/.test(v)) p.onDate(v);
          }}
        />
      </Box>
      {p.view === 'day' ? (
        <Autocomplete
          multiple
          size="small"
          limitTags={2}
          sx={{ minWidth: 260, flex: '1 1 260px', maxWidth: 480 }}
          options={p.providers.map((x) => x.id)}
          getOptionLabel={name}
          value={p.chosen}
          onChange={(_e, ids) => p.onChosen(ids)}
          noOptionsText="ارائه‌دهنده‌ای نیست"
          renderInput={(params) => (
            <TextField
              {...params}
              label="ارائه‌دهندگان"
              placeholder={p.chosen.length ? '' : 'همه'}
            />
          )}
        />
      ) : (
        <TextField
          select
          label="ارائه‌دهنده"
          value={p.chosen[0] ?? ''}
          onChange={(e) => p.onChosen([e.target.value])}
          sx={{ minWidth: 220, flex: '0 1 260px' }}
          fullWidth={false}
        >
          {p.providers.map((x) => (
            <MenuItem key={x.id} value={x.id}>
              {staffFullName(x)}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TextField
        select
        label="زمان‌های آزاد برای خدمت"
        slotProps={emptySelectProps}
        value={p.serviceId}
        onChange={(e) => p.onService(e.target.value)}
        sx={{ minWidth: 220, flex: '0 1 260px' }}
        fullWidth={false}
      >
        <MenuItem value="">نوبت {DEFAULT_DURATION_MIN.toLocaleString('fa-IR')} دقیقه‌ای</MenuItem>
        {p.services.map((s) => (
          <MenuItem key={s.id} value={s.id}>
            {s.name} ({s.durationMin.toLocaleString('fa-IR')} دقیقه)
          </MenuItem>
        ))}
      </TextField>
    </Box>
  );
}
