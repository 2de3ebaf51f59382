import { Controller, useFormContext, useWatch } from 'react-hook-form';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import InputAdornment from '@mui/material/InputAdornment';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import CheckIcon from '@mui/icons-material/Check';
import { FormSection } from '../FormSection';
import { WEEKDAYS, type CenterFormValues } from './center-form';
import { ltrInput } from '../../../lib/inputs';

/** Booking and cancellation rules, patients' own cancellation, and the weekly days off. */
export function CenterRulesFields({ disabled }: { disabled: boolean }) {
  const { control } = useFormContext<CenterFormValues>();
  const selfCancel = useWatch({ control, name: 'selfCancellation.enabled' });

  return (
    <FormSection
      title="قوانین و روزهای تعطیل"
      hint="بیماران پیش از گرفتن نوبت در سایت این قوانین را می‌بینند و می‌پذیرند."
    >
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Controller
            name="bookingRules"
            control={control}
            render={({ field, fieldState }) => (
              <TextField
                {...field}
                label="قوانین نوبت‌دهی"
                multiline
                minRows={4}
                maxRows={12}
                placeholder="مثلاً: لطفاً ۱۰ دقیقه پیش از نوبت حاضر باشید…"
                error={!!fieldState.error}
                helperText={fieldState.error?.message}
              />
            )}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Controller
            name="cancellationRules"
            control={control}
            render={({ field, fieldState }) => (
              <TextField
                {...field}
                label="قوانین لغو نوبت"
                multiline
                minRows={4}
                maxRows={12}
                placeholder="مثلاً: لغو تا ۲۴ ساعت پیش از نوبت بدون هزینه است…"
                error={!!fieldState.error}
                helperText={fieldState.error?.message}
              />
            )}
          />
        </Grid>
        <Grid size={12}>
          <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, flexWrap: 'wrap' }}>
            <Controller
              name="selfCancellation.enabled"
              control={control}
              render={({ field }) => (
                <FormControlLabel
                  control={
                    <Switch
                      checked={field.value}
                      onChange={(e) => field.onChange(e.target.checked)}
                      disabled={disabled}
                      name="selfCancellation.enabled"
                    />
                  }
                  label="بیمار بتواند خودش نوبت را لغو کند"
                />
              )}
            />
            <Controller
              name="selfCancellation.minNoticeHours"
              control={control}
              render={({ field, fieldState }) => (
                <TextField
                  {...field}
                  label="کمترین فاصله تا نوبت"
                  disabled={!selfCancel || disabled}
                  error={!!fieldState.error}
                  helperText={fieldState.error?.message}
                  sx={{ maxWidth: 200 }}
                  slotProps={{
                    htmlInput: { ...ltrInput, inputMode: 'numeric', maxLength: 4 },
                    input: { endAdornment: <InputAdornment position="end">ساعت</InputAdornment> },
                  }}
                />
              )}
            />
          </Box>
        </Grid>
        <Grid size={12}>
          <Controller
            name="weekend"
            control={control}
            render={({ field, fieldState }) => (
              <Box role="group" aria-labelledby="weekend-label">
                <FormLabel id="weekend-label" sx={{ fontSize: 13, display: 'block', mb: 1 }}>
                  روزهای تعطیل هفتگی
                </FormLabel>
                <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                  {WEEKDAYS.map((day, i) => {
                    const on = field.value.includes(i);
                    return (
                      <Chip
                        key={day}
                        label={day}
                        icon={on ? <CheckIcon /> : undefined}
                        color={on ? 'primary' : 'default'}
                        variant={on ? 'filled' : 'outlined'}
                        aria-pressed={on}
                        disabled={disabled}
                        onClick={() =>
                          field.onChange(
                            on ? field.value.filter((d) => d !== i) : [...field.value, i],
                          )
                        }
                      />
                    );
                  })}
                </Box>
                <FormHelperText error={!!fieldState.error}>
                  {fieldState.error?.message ?? 'در این روزها نوبت داده نمی‌شود.'}
                </FormHelperText>
              </Box>
            )}
          />
        </Grid>
      </Grid>
    </FormSection>
  );
}
