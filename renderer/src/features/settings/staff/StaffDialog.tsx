import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { BridgeError } from '../../../../../shared/api/bridge-error';
import type { staffInputSchema, StaffView } from '../../../../../shared/api/setup';
import type { CatalogItem } from '../../../../../shared/domain/catalog';
import { STAFF_KINDS, STAFF_KIND_LABELS } from '../../../../../shared/domain/staff';
import { bridge } from '../../../lib/bridge';
import { placeServerErrors } from '../../../lib/form-resolver';
import { STAFF_FIELDS, staffFormValues, staffResolver, type StaffFormValues } from './staff-form';
import { ltrInput } from '../../../lib/inputs';

/** Mounted afresh for each opening (the parent changes its `key`). */
export function StaffDialog({
  staff,
  departments,
  services,
  onClose,
  onSaved,
}: {
  /** null: a new person. */
  staff: StaffView | null;
  departments: CatalogItem[];
  services: CatalogItem[];
  onClose(): void;
  onSaved(saved: StaffView, created: boolean): void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const [resolver] = useState(() => staffResolver(staff?.id));
  const { control, handleSubmit, setError, formState } = useForm<
    StaffFormValues,
    unknown,
    z.output<typeof staffInputSchema>
  >({ resolver, defaultValues: staffFormValues(staff), mode: 'onTouched' });
  const kind = useWatch({ control, name: 'kind' });
  const chosenDepartments = useWatch({ control, name: 'departmentIds' });
  const offered = services.filter(
    (s) => chosenDepartments.length === 0 || chosenDepartments.includes(s.departmentId),
  );
  const departmentName = (id: string) => departments.find((d) => d.id === id)?.name ?? '';

  const submit = handleSubmit(async (input) => {
    setFormError(null);
    try {
      onSaved(await bridge.call('staff.save', input), staff === null);
    } catch (e) {
      if (e instanceof BridgeError) {
        // A refusal about the switch (own account) needs its full sentence above the form.
        if (!placeServerErrors(e, setError, STAFF_FIELDS) || 'active' in e.fields) {
          setFormError(e.message);
        }
      } else setFormError('ذخیره انجام نشد. دوباره تلاش کنید.');
    }
  });

  const text = (
    name: 'firstName' | 'lastName' | 'title' | 'specialty' | 'mobile',
    label: string,
    extra: { required?: boolean; hint?: string; ltr?: boolean; placeholder?: string } = {},
  ) => (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <TextField
          {...field}
          label={label}
          required={extra.required}
          placeholder={extra.placeholder}
          error={!!fieldState.error}
          helperText={fieldState.error?.message ?? extra.hint}
          slotProps={{ htmlInput: extra.ltr ? { ...ltrInput, inputMode: 'tel' } : {} }}
        />
      )}
    />
  );

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="staff-title">
      <form onSubmit={submit} noValidate autoComplete="off">
        <DialogTitle id="staff-title">
          {staff ? `ویرایش ${staff.firstName} ${staff.lastName}` : 'کارمند تازه'}
        </DialogTitle>
        <DialogContent dividers>
          {formError && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {formError}
            </Alert>
          )}
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, sm: 6 }}>{text('firstName', 'نام', { required: true })}</Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              {text('lastName', 'نام خانوادگی', { required: true })}
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <Controller
                name="kind"
                control={control}
                render={({ field, fieldState }) => (
                  <TextField
                    {...field}
                    select
                    label="نقش"
                    required
                    error={!!fieldState.error}
                    helperText={fieldState.error?.message ?? 'دسترسی‌های پیش‌فرض از نقش می‌آید'}
                  >
                    {STAFF_KINDS.map((k) => (
                      <MenuItem key={k} value={k}>
                        {STAFF_KIND_LABELS[k]}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              {text('mobile', 'شمارهٔ همراه', {
                ltr: true,
                placeholder: '09121234567',
                hint: 'برای ورود به برنامه لازم است',
              })}
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              {text('title', 'عنوان', { placeholder: 'مثلاً: دکتر', hint: 'پیش از نام می‌آید' })}
            </Grid>
            <Grid size={{ xs: 12, sm: 8 }}>
              {text('specialty', 'تخصص', { placeholder: 'مثلاً: فیزیوتراپیست' })}
            </Grid>
            <Grid size={12}>
              <Controller
                name="departmentIds"
                control={control}
                render={({ field, fieldState }) => (
                  <Autocomplete
                    multiple
                    options={departments.map((d) => d.id)}
                    getOptionLabel={departmentName}
                    value={field.value}
                    onChange={(_e, ids) => field.onChange(ids)}
                    noOptionsText="بخشی تعریف نشده است"
                    renderInput={(params) => (
                      <TextField
                        {...params}
                        label="بخش‌ها"
                        error={!!fieldState.error}
                        helperText={fieldState.error?.message ?? 'بخش‌هایی که در آن کار می‌کند'}
                      />
                    )}
                  />
                )}
              />
            </Grid>
            {kind === 'provider' && (
              <Grid size={12}>
                <Controller
                  name="serviceIds"
                  control={control}
                  render={({ field, fieldState }) => (
                    <Autocomplete
                      multiple
                      options={offered.map((s) => s.id)}
                      groupBy={(id) =>
                        departmentName(services.find((s) => s.id === id)?.departmentId ?? '')
                      }
                      getOptionLabel={(id) => services.find((s) => s.id === id)?.name ?? ''}
                      value={field.value}
                      onChange={(_e, ids) => field.onChange(ids)}
                      noOptionsText="خدمتی در بخش‌های انتخاب‌شده نیست"
                      renderInput={(params) => (
                        <TextField
                          {...params}
                          label="خدمت‌هایی که ارائه می‌دهد"
                          error={!!fieldState.error}
                          helperText={
                            fieldState.error?.message ?? 'نوبت این خدمت‌ها به نام او گرفته می‌شود'
                          }
                        />
                      )}
                    />
                  )}
                />
              </Grid>
            )}
            <Grid size={12}>
              <Controller
                name="active"
                control={control}
                render={({ field, fieldState }) => (
                  <>
                    <FormControlLabel
                      control={
                        <Switch
                          name="active"
                          checked={field.value}
                          onChange={(e) => field.onChange(e.target.checked)}
                        />
                      }
                      label="فعال (غیرفعال‌ها نمی‌توانند وارد شوند و نوبت نمی‌گیرند)"
                    />
                    {fieldState.error && (
                      <FormHelperText error>{fieldState.error.message}</FormHelperText>
                    )}
                  </>
                )}
              />
            </Grid>
          </Grid>
          <Divider sx={{ my: 2 }} />
          <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
            {staff?.canLogIn ? 'تغییر گذرواژه' : 'گذرواژهٔ ورود'}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {staff?.canLogIn
              ? 'برای نگه داشتن گذرواژهٔ کنونی، خالی بگذارید.'
              : 'اگر این شخص باید با شمارهٔ همراه خود وارد برنامه شود، گذرواژه‌ای بگذارید؛ وگرنه خالی بگذارید.'}
          </Typography>
          <Grid container spacing={2}>
            {(['password', 'passwordRepeat'] as const).map((name) => (
              <Grid key={name} size={{ xs: 12, sm: 6 }}>
                <Controller
                  name={name}
                  control={control}
                  render={({ field, fieldState }) => (
                    <TextField
                      {...field}
                      type="password"
                      label={name === 'password' ? 'گذرواژهٔ تازه' : 'تکرار گذرواژه'}
                      autoComplete="new-password"
                      error={!!fieldState.error}
                      helperText={
                        fieldState.error?.message ??
                        (name === 'password' ? 'دست‌کم ۸ نویسه، هم حرف و هم عدد' : undefined)
                      }
                    />
                  )}
                />
              </Grid>
            ))}
          </Grid>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose}>انصراف</Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {staff ? 'ذخیرهٔ تغییرات' : 'ثبت کارمند'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
