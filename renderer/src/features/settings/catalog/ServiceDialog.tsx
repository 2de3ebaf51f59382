import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { BridgeError } from '../../../../../shared/api/bridge-error';
import { serviceInputSchema, type CatalogItem } from '../../../../../shared/domain/catalog';
import { toLatinDigits } from '../../../../../shared/text/normalize';
import { MoneyField } from '../../../components/MoneyField';
import { bridge } from '../../../lib/bridge';
import { placeServerErrors, schemaResolver } from '../../../lib/form-resolver';
import {
  amountInputText,
  amountToRial,
  MONEY_UNIT_LABELS,
  moneyText,
  type MoneyUnit,
} from '../../../lib/money';

interface ServiceFormValues {
  name: string;
  description: string;
  departmentId: string;
  /** Typed in the center's unit, grouped; converted to Rials for the schema. */
  priceRial: string;
  durationMin: string;
  prepaymentRequired: boolean;
  active: boolean;
}

const FIELDS = Object.keys({
  name: 0,
  description: 0,
  departmentId: 0,
  priceRial: 0,
  durationMin: 0,
  prepaymentRequired: 0,
  active: 0,
} satisfies Record<keyof ServiceFormValues, 0>);

function minutes(text: string): number | undefined {
  const plain = toLatinDigits(text.trim());
  if (plain === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : Number.NaN;
}

function resolverFor(unit: MoneyUnit) {
  const toInput = (v: ServiceFormValues) => ({
    ...v,
    priceRial: amountToRial(v.priceRial, unit),
    durationMin: minutes(v.durationMin),
  });
  return schemaResolver<ServiceFormValues, typeof serviceInputSchema>(serviceInputSchema, {
    toInput,
    precheck(v) {
      const problems: Record<string, string> = {};
      const price = amountToRial(v.priceRial, unit);
      if (price === undefined)
        problems.priceRial = `مبلغ را به ${MONEY_UNIT_LABELS[unit]} وارد کنید.`;
      else if (Number.isNaN(price)) problems.priceRial = 'مبلغ را به عدد وارد کنید.';
      if (Number.isNaN(minutes(v.durationMin))) {
        problems.durationMin = 'مدت را به عدد (دقیقه) وارد کنید.';
      }
      return problems;
    },
  });
}

export function ServiceDialog({
  service,
  departments,
  departmentId,
  unit,
  onClose,
  onSaved,
}: {
  /** null: a new service. */
  service: CatalogItem | null;
  departments: CatalogItem[];
  /** The department a new service starts in. */
  departmentId: string;
  unit: MoneyUnit;
  onClose(): void;
  onSaved(saved: CatalogItem, created: boolean): void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const [resolver] = useState(() => resolverFor(unit));
  const { control, handleSubmit, setError, formState } = useForm<
    ServiceFormValues,
    unknown,
    z.output<typeof serviceInputSchema>
  >({
    resolver,
    defaultValues: {
      name: service?.name ?? '',
      description: service?.description ?? '',
      departmentId: service?.departmentId ?? departmentId,
      priceRial: service ? amountInputText(service.priceRial, unit) : '',
      durationMin: service ? String(service.durationMin) : '30',
      prepaymentRequired: service?.prepaymentRequired ?? false,
      active: service?.active ?? true,
    },
    mode: 'onTouched',
  });
  const typedPrice = amountToRial(useWatch({ control, name: 'priceRial' }), unit);

  const submit = handleSubmit(async (input) => {
    setFormError(null);
    try {
      const saved = await bridge.call('catalog.saveService', {
        ...input,
        ...(service ? { id: service.id } : {}),
      });
      onSaved(saved, service === null);
    } catch (e) {
      if (e instanceof BridgeError) {
        if (!placeServerErrors(e, setError, FIELDS)) setFormError(e.message);
      } else setFormError('ذخیره انجام نشد. دوباره تلاش کنید.');
    }
  });

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="service-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="service-title">
          {service ? `ویرایش خدمت «${service.name}»` : 'خدمت تازه'}
        </DialogTitle>
        <DialogContent dividers>
          {formError && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {formError}
            </Alert>
          )}
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, sm: 7 }}>
              <Controller
                name="name"
                control={control}
                render={({ field, fieldState }) => (
                  <TextField
                    {...field}
                    label="نام خدمت"
                    required
                    autoFocus
                    placeholder="مثلاً: جلسهٔ فیزیوتراپی زانو"
                    error={!!fieldState.error}
                    helperText={fieldState.error?.message}
                  />
                )}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 5 }}>
              <Controller
                name="departmentId"
                control={control}
                render={({ field, fieldState }) => (
                  <TextField
                    {...field}
                    select
                    label="بخش"
                    required
                    error={!!fieldState.error}
                    helperText={fieldState.error?.message}
                  >
                    {departments.map((d) => (
                      <MenuItem key={d.id} value={d.id}>
                        {d.name}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 7 }}>
              <Controller
                name="priceRial"
                control={control}
                render={({ field, fieldState }) => (
                  <MoneyField
                    name="priceRial"
                    label="مبلغ"
                    required
                    unit={unit}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    inputRef={field.ref}
                    error={!!fieldState.error}
                    helperText={
                      fieldState.error?.message ??
                      (unit === 'toman' && typedPrice !== undefined && typedPrice > 0
                        ? `برابر ${moneyText(typedPrice, 'rial')}`
                        : 'برای خدمت رایگان صفر وارد کنید')
                    }
                  />
                )}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 5 }}>
              <Controller
                name="durationMin"
                control={control}
                render={({ field, fieldState }) => (
                  <TextField
                    {...field}
                    label="مدت"
                    required
                    error={!!fieldState.error}
                    helperText={fieldState.error?.message ?? 'طول یک نوبت این خدمت'}
                    slotProps={{
                      htmlInput: {
                        dir: 'ltr',
                        inputMode: 'numeric',
                        maxLength: 4,
                        style: { textAlign: 'right' },
                      },
                      input: {
                        endAdornment: <InputAdornment position="end">دقیقه</InputAdornment>,
                      },
                    }}
                  />
                )}
              />
            </Grid>
            <Grid size={12}>
              <Controller
                name="description"
                control={control}
                render={({ field, fieldState }) => (
                  <TextField
                    {...field}
                    label="توضیح"
                    multiline
                    minRows={2}
                    error={!!fieldState.error}
                    helperText={
                      fieldState.error?.message ?? 'اختیاری؛ در سایت نوبت‌دهی دیده می‌شود'
                    }
                  />
                )}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 7 }}>
              <Controller
                name="prepaymentRequired"
                control={control}
                render={({ field }) => (
                  <FormControlLabel
                    control={
                      <Switch
                        name="prepaymentRequired"
                        checked={field.value}
                        onChange={(e) => field.onChange(e.target.checked)}
                      />
                    }
                    label="نوبت اینترنتی فقط با پیش‌پرداخت"
                  />
                )}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 5 }}>
              <Controller
                name="active"
                control={control}
                render={({ field }) => (
                  <FormControlLabel
                    control={
                      <Switch
                        name="active"
                        checked={field.value}
                        onChange={(e) => field.onChange(e.target.checked)}
                      />
                    }
                    label="فعال"
                  />
                )}
              />
            </Grid>
          </Grid>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose}>انصراف</Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {service ? 'ذخیرهٔ تغییرات' : 'ثبت خدمت'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
