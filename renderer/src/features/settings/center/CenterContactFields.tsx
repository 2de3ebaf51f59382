import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { FormSection } from '../FormSection';
import { SOCIAL_KEYS, SOCIAL_LABELS, coordsFromMapUrl, type CenterFormValues } from './center-form';
import { latinInput, ltrInput } from '../../../lib/inputs';

/** Address, phones, map and social links. */
export function CenterContactFields() {
  const { control, getValues, setValue } = useFormContext<CenterFormValues>();
  const phones = useFieldArray({ control, name: 'phones' });

  return (
    <>
      <FormSection
        title="نشانی و تماس"
        hint="این اطلاعات در سایت نوبت‌دهی به بیماران نشان داده می‌شود."
      >
        <Grid container spacing={2}>
          <Grid size={12}>
            <Controller
              name="address"
              control={control}
              render={({ field, fieldState }) => (
                <TextField
                  {...field}
                  label="نشانی"
                  multiline
                  minRows={2}
                  error={!!fieldState.error}
                  helperText={fieldState.error?.message}
                />
              )}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
              {phones.fields.map((row, i) => (
                <Box key={row.id} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
                  <Controller
                    name={`phones.${i}.value`}
                    control={control}
                    render={({ field, fieldState }) => (
                      <TextField
                        {...field}
                        label={i === 0 ? 'تلفن' : `تلفن ${(i + 1).toLocaleString('fa-IR')}`}
                        placeholder="021-88001234"
                        error={!!fieldState.error}
                        helperText={fieldState.error?.message}
                        slotProps={{ htmlInput: { ...ltrInput, inputMode: 'tel', maxLength: 20 } }}
                      />
                    )}
                  />
                  {phones.fields.length > 1 && (
                    <Tooltip title="حذف این شماره">
                      <IconButton aria-label="حذف این شماره" onClick={() => phones.remove(i)}>
                        <DeleteOutlineIcon />
                      </IconButton>
                    </Tooltip>
                  )}
                </Box>
              ))}
              {phones.fields.length < 10 && (
                <Button
                  size="small"
                  startIcon={<AddIcon />}
                  sx={{ alignSelf: 'flex-start' }}
                  onClick={() => phones.append({ value: '' })}
                >
                  افزودن شمارهٔ دیگر
                </Button>
              )}
            </Box>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Grid container spacing={2}>
              <Grid size={12}>
                <Controller
                  name="mapUrl"
                  control={control}
                  render={({ field, fieldState }) => (
                    <TextField
                      {...field}
                      onChange={(e) => {
                        field.onChange(e);
                        // A pasted map link often carries the coordinates: fill them if empty.
                        const coords = coordsFromMapUrl(e.target.value);
                        if (coords && !getValues('lat') && !getValues('lng')) {
                          setValue('lat', coords.lat, { shouldDirty: true });
                          setValue('lng', coords.lng, { shouldDirty: true });
                        }
                      }}
                      label="پیوند نقشه"
                      placeholder="https://balad.ir/p/…"
                      error={!!fieldState.error}
                      helperText={
                        fieldState.error?.message ??
                        'پیوند مکان مرکز در نشان، بلد یا گوگل‌مپ؛ مختصات از آن برداشته می‌شود'
                      }
                      slotProps={{ htmlInput: latinInput }}
                    />
                  )}
                />
              </Grid>
              {(['lat', 'lng'] as const).map((name) => (
                <Grid key={name} size={6}>
                  <Controller
                    name={name}
                    control={control}
                    render={({ field, fieldState }) => (
                      <TextField
                        {...field}
                        label={name === 'lat' ? 'عرض جغرافیایی' : 'طول جغرافیایی'}
                        placeholder={name === 'lat' ? '35.7219' : '51.3347'}
                        error={!!fieldState.error}
                        helperText={fieldState.error?.message}
                        slotProps={{ htmlInput: { ...ltrInput, inputMode: 'decimal' } }}
                      />
                    )}
                  />
                </Grid>
              ))}
            </Grid>
          </Grid>
        </Grid>
      </FormSection>
      <FormSection
        title="شبکه‌های اجتماعی و وبگاه"
        hint="نام کاربری یا پیوند؛ هر کدام را ندارید خالی بگذارید."
      >
        <Grid container spacing={2}>
          {SOCIAL_KEYS.map((key) => (
            <Grid key={key} size={{ xs: 12, sm: 6, md: 3 }}>
              <Controller
                name={`social.${key}`}
                control={control}
                render={({ field, fieldState }) => (
                  <TextField
                    {...field}
                    label={SOCIAL_LABELS[key].label}
                    placeholder={SOCIAL_LABELS[key].placeholder}
                    error={!!fieldState.error}
                    helperText={fieldState.error?.message}
                    slotProps={{ htmlInput: latinInput }}
                  />
                )}
              />
            </Grid>
          ))}
        </Grid>
      </FormSection>
    </>
  );
}
