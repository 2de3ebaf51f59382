import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { Controller, FormProvider, useForm } from 'react-hook-form';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import FormControl from '@mui/material/FormControl';
import FormLabel from '@mui/material/FormLabel';
import SaveIcon from '@mui/icons-material/Save';
import StoreIcon from '@mui/icons-material/StorefrontOutlined';
import { BridgeError } from '../../../../../shared/api/bridge-error';
import { centerProfileSchema } from '../../../../../shared/api/setup';
import { CENTER_TYPES, CENTER_TYPE_LABELS, type Center } from '../../../../../shared/domain/center';
import { EmptyState } from '../../../components/EmptyState';
import { useCall } from '../../../hooks/use-call';
import { useRights } from '../../../hooks/use-rights';
import { bridge } from '../../../lib/bridge';
import { placeServerErrors, schemaResolver } from '../../../lib/form-resolver';
import { MONEY_UNIT_LABELS, type MoneyUnit } from '../../../lib/money';
import { useNotify } from '../../../state/notify-store';
import { FormSection } from '../FormSection';
import {
  CENTER_FIELDS,
  centerFieldOf,
  centerFormValues,
  centerInput,
  centerPrecheck,
  type CenterFormValues,
} from './center-form';
import { CenterContactFields } from './CenterContactFields';
import { CenterRulesFields } from './CenterRulesFields';

type CenterProfile = z.output<typeof centerProfileSchema>;

const resolver = schemaResolver<CenterFormValues, typeof centerProfileSchema>(centerProfileSchema, {
  toInput: centerInput,
  precheck: centerPrecheck,
  fieldOf: centerFieldOf,
});

/** Center profile and rules (C2, C8), and what still keeps it off the public booking site. */
export function CenterTab() {
  const { data, error } = useCall('center.get', {}, ['center']);
  const navigate = useNavigate();
  if (error && !data) return <Alert severity="error">{error.message}</Alert>;
  if (!data) return <CircularProgress aria-label="در حال بارگذاری" />;
  if (!data.center) {
    // The center document is made on the central server and arrives when the desk is enrolled.
    return (
      <Paper variant="outlined">
        <EmptyState
          icon={<StoreIcon color="disabled" sx={{ fontSize: 48 }} />}
          title="این رایانه هنوز به مرکزی وصل نیست"
          text="نام، نشانی، قوانین و دیگر مشخصات مرکز روی سرور مرکز نگه داشته می‌شود. این رایانه را از بخش «همگام‌سازی» به مرکز وصل کنید؛ پس از آن مشخصات مرکز اینجا نشان داده می‌شود و قابل ویرایش است."
          action={
            <Button variant="contained" onClick={() => navigate('/sync')}>
              اتصال به مرکز
            </Button>
          }
        />
      </Paper>
    );
  }
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {data.listingProblems.length > 0 && (
        <Alert severity="warning" data-testid="listing-problems">
          <AlertTitle>
            این مرکز هنوز در سایت نوبت‌دهی نشان داده نمی‌شود تا این موارد کامل شود:
          </AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 0, pr: 2.5 }}>
            {data.listingProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </Box>
        </Alert>
      )}
      <CenterForm key={data.center.id} center={data.center} />
    </Box>
  );
}

function CenterForm({ center }: { center: Center }) {
  const canEdit = useRights().has('settings.edit');
  const notify = useNotify((s) => s.notify);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CenterFormValues, unknown, CenterProfile>({
    resolver,
    defaultValues: centerFormValues(center),
    mode: 'onTouched',
  });
  const { control, handleSubmit, setError, formState } = form;

  const submit = handleSubmit(
    async (input) => {
      setFormError(null);
      try {
        await bridge.call('center.update', input);
        form.reset(form.getValues());
        notify('مشخصات مرکز ذخیره شد.');
      } catch (e) {
        if (e instanceof BridgeError) {
          if (!placeServerErrors(e, setError, CENTER_FIELDS, centerFieldOf)) {
            setFormError(e.message);
          }
        } else setFormError('ذخیره انجام نشد. دوباره تلاش کنید.');
      }
    },
    () => setFormError('چند مورد نیاز به اصلاح دارد؛ پیام زیر هر کادر را ببینید.'),
  );

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate aria-label="مشخصات مرکز">
        {!canEdit && (
          <Alert severity="info" sx={{ mb: 2 }}>
            شما فقط می‌توانید این مشخصات را ببینید؛ ویرایش آن دسترسی «ویرایش مرکز، بخش‌ها و خدمات»
            می‌خواهد.
          </Alert>
        )}
        <Box
          component="fieldset"
          disabled={!canEdit}
          sx={{ border: 0, p: 0, m: 0, minWidth: 0, display: 'grid', gap: 2 }}
        >
          <FormSection title="مشخصات مرکز">
            <Grid container spacing={2}>
              <Grid size={{ xs: 12, md: 6 }}>
                <Controller
                  name="name"
                  control={control}
                  render={({ field, fieldState }) => (
                    <TextField
                      {...field}
                      label="نام مرکز"
                      required
                      error={!!fieldState.error}
                      helperText={fieldState.error?.message ?? 'همان نامی که بیماران می‌شناسند'}
                    />
                  )}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6, md: 3 }}>
                <Controller
                  name="type"
                  control={control}
                  render={({ field, fieldState }) => (
                    <TextField
                      {...field}
                      select
                      label="نوع مرکز"
                      required
                      error={!!fieldState.error}
                      helperText={fieldState.error?.message}
                      slotProps={{ htmlInput: { name: 'type' } }}
                    >
                      {CENTER_TYPES.map((t) => (
                        <MenuItem key={t} value={t}>
                          {CENTER_TYPE_LABELS[t]}
                        </MenuItem>
                      ))}
                    </TextField>
                  )}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6, md: 3 }}>
                <Controller
                  name="city"
                  control={control}
                  render={({ field, fieldState }) => (
                    <TextField
                      {...field}
                      label="شهر"
                      error={!!fieldState.error}
                      helperText={fieldState.error?.message}
                    />
                  )}
                />
              </Grid>
              <Grid size={12}>
                <Controller
                  name="moneyUnit"
                  control={control}
                  render={({ field }) => (
                    <FormControl>
                      <FormLabel id="money-unit-label" sx={{ fontSize: 13, mb: 0.5 }}>
                        واحد پول در برنامه
                      </FormLabel>
                      <ToggleButtonGroup
                        exclusive
                        size="small"
                        color="primary"
                        aria-labelledby="money-unit-label"
                        value={field.value}
                        disabled={!canEdit}
                        onChange={(_e, v: MoneyUnit | null) => v && field.onChange(v)}
                      >
                        {(['toman', 'rial'] as const).map((u) => (
                          <ToggleButton key={u} value={u} sx={{ px: 3 }}>
                            {MONEY_UNIT_LABELS[u]}
                          </ToggleButton>
                        ))}
                      </ToggleButtonGroup>
                    </FormControl>
                  )}
                />
              </Grid>
            </Grid>
          </FormSection>
          <CenterContactFields />
          <CenterRulesFields disabled={!canEdit} />
        </Box>
        {canEdit && (
          <Box
            sx={{
              position: 'sticky',
              bottom: 0,
              mt: 2,
              py: 1.5,
              display: 'flex',
              alignItems: 'center',
              gap: 2,
              bgcolor: 'background.default',
              borderTop: 1,
              borderColor: 'divider',
              zIndex: 1,
            }}
          >
            <Button
              type="submit"
              variant="contained"
              startIcon={<SaveIcon />}
              disabled={formState.isSubmitting}
            >
              ذخیرهٔ مشخصات مرکز
            </Button>
            {formError && (
              <Alert severity="error" role="alert" sx={{ py: 0, flexGrow: 1 }}>
                {formError}
              </Alert>
            )}
            {!formError && formState.isDirty && (
              <Box sx={{ color: 'text.secondary', fontSize: 14 }}>تغییرات هنوز ذخیره نشده است.</Box>
            )}
          </Box>
        )}
      </form>
    </FormProvider>
  );
}
