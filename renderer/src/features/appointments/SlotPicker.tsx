import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import type { Slot } from '../../../../shared/scheduling/slots';
import { useCall } from '../../hooks/use-call';
import { minutesText } from '../../lib/format';

export interface SlotPickerProps {
  providerId: string;
  date: string;
  durationMin: number;
  value: Slot | null;
  onChange(slot: Slot): void;
}

/**
 * A provider's free times on one day for a duration, as chips; when the day is closed it says why
 * (holiday, leave, weekend…), so the person knows to pick another day.
 */
export function SlotPicker({ providerId, date, durationMin, value, onChange }: SlotPickerProps) {
  const slots = useCall('slots.free', { providerId, from: date, to: date, durationMin }, [
    'appointments',
    'schedules',
  ]);
  const days = useCall('calendar.days', { providerIds: [providerId], from: date, to: date }, [
    'schedules',
    'center',
  ]);
  const closed = days.data?.providers[0]?.days[0]?.closed ?? null;

  if (slots.error) return <Alert severity="error">{slots.error.message}</Alert>;
  if (!slots.data) return <CircularProgress size={24} aria-label="در حال یافتن زمان‌های آزاد" />;
  if (slots.data.slots.length === 0) {
    return (
      <Alert severity="info" data-testid="no-free-slots">
        {closed
          ? `این روز نوبت داده نمی‌شود: ${closed.reason}. روز دیگری را انتخاب کنید.`
          : 'در این روز زمان آزادی به این اندازه نمانده است. روز دیگری را انتخاب کنید.'}
      </Alert>
    );
  }
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        زمان‌های آزاد ({slots.data.slots.length.toLocaleString('fa-IR')} زمان):
      </Typography>
      <Box
        role="listbox"
        aria-label="زمان‌های آزاد"
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, maxHeight: 200, overflowY: 'auto' }}
      >
        {slots.data.slots.map((s) => {
          const selected = value?.date === s.date && value.start === s.start;
          return (
            <Chip
              key={s.start}
              role="option"
              aria-selected={selected}
              label={minutesText(s.start)}
              color={selected ? 'primary' : 'default'}
              variant={selected ? 'filled' : 'outlined'}
              onClick={() => onChange(s)}
            />
          );
        })}
      </Box>
    </Box>
  );
}
