import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import {
  GENDERS,
  GENDER_LABELS,
  patientInputSchema,
  type Patient,
  type PatientFields,
  type PatientInput,
} from '../../../../shared/domain/patients';
import { BridgeError } from '../../../../shared/api/bridge-error';
import { mobileLocal } from '../../../../shared/text/identity';
import { todayInTehran } from '../../../../shared/time/dates';
import { JalaliDateField } from '../../components/JalaliDateField';
import { bridge } from '../../lib/bridge';

interface FormValues {
  firstName: string;
  lastName: string;
  nationalId: string;
  mobile: string;
  gender: PatientInput['gender'] | '';
  birthDate: string;
  notes: string;
}

const FIELD_NAMES = [
  'firstName',
  'lastName',
  'nationalId',
  'mobile',
  'gender',
  'birthDate',
  'notes',
] as const;

function initialValues(patient: Patient | null, draftName: string): FormValues {
  if (patient) {
    return {
      firstName: patient.firstName,
      lastName: patient.lastName,
      nationalId: patient.nationalId,
      mobile: patient.mobile ? mobileLocal(patient.mobile) : '',
      gender: patient.gender,
      birthDate: patient.birthDate,
      notes: patient.notes,
    };
  }
  // A search that found nothing may be a name: offer it as the new patient's name.
  const words = draftName
    .trim()
    .split(/\s+/)
    .filter((w) => !/\d/.test(w));
  return {
    firstName: words[0] ?? '',
    lastName: words.slice(1).join(' '),
    nationalId: /^[\d۰-۹٠-٩]{8,10}$/.test(draftName.trim()) ? draftName.trim() : '',
    mobile: '',
    gender: '',
    birthDate: '',
    notes: '',
  };
}

const numericInput = {
  dir: 'ltr' as const,
  inputMode: 'numeric' as const,
  style: { textAlign: 'right' as const },
};

/** Mounted afresh for each opening (the parent changes its `key`), so the form starts clean. */
export interface PatientDialogProps {
  open: boolean;
  /** The patient to edit, or null to register a new one. */
  patient: Patient | null;
  draftName?: string;
  onClose(): void;
  onSaved(patient: Patient, created: boolean): void;
}

export function PatientDialog({
  open,
  patient,
  draftName = '',
  onClose,
  onSaved,
}: PatientDialogProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues, unknown, PatientFields>({
    resolver: zodResolver(patientInputSchema) as never,
    defaultValues: initialValues(patient, draftName),
    mode: 'onTouched',
  });
  const { control, handleSubmit, setError, formState } = form;

  const submit = handleSubmit(async (fields) => {
    setFormError(null);
    try {
      const saved = patient
        ? await bridge.call('patients.update', { ...fields, id: patient.id })
        : await bridge.call('patients.create', fields);
      onSaved(saved, patient === null);
    } catch (error) {
      if (error instanceof BridgeError) {
        let placed = false;
        for (const [field, message] of Object.entries(error.fields)) {
          if ((FIELD_NAMES as readonly string[]).includes(field)) {
            setError(field as (typeof FIELD_NAMES)[number], { type: 'server', message });
            placed = true;
          }
        }
        if (!placed || error.code === 'conflict') setFormError(error.message);
      } else {
        setFormError('ذخیره انجام نشد. دوباره تلاش کنید.');
      }
    }
  });

  const title = patient
    ? `ویرایش پروندهٔ ${patient.firstName} ${patient.lastName}`
    : 'ثبت بیمار جدید';

  return (
    <Dialog
      open={open}
      onClose={onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby="patient-dialog-title"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="patient-dialog-title">{title}</DialogTitle>
        <DialogContent dividers>
          {formError && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {formError}
            </Alert>
          )}
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, sm: 6 }}>
              <Controller
                name="firstName"
                control={control}
                render={({ field, fieldState }) => (
                  <TextField
                    {...field}
                    label="نام"
                    required
                    autoFocus
                    error={!!fieldState.error}
                    helperText={fieldState.error?.message}
                  />
                )}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <Controller
                name="lastName"
                control={control}
                render={({ field, fieldState }) => (
                  <TextField
                    {...field}
                    label="نام خانوادگی"
                    required
                    error={!!fieldState.error}
                    helperText={fieldState.error?.message}
                  />
                )}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <Controller
                name="nationalId"
                control={control}
                render={({ field, fieldState }) => (
                  <TextField
                    {...field}
                    label="کد ملی"
                    error={!!fieldState.error}
                    helperText={fieldState.error?.message ?? 'ده رقم؛ برای اتباع خالی بگذارید'}
                    slotProps={{ htmlInput: { ...numericInput, maxLength: 14 } }}
                  />
                )}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <Controller
                name="mobile"
                control={control}
                render={({ field, fieldState }) => (
                  <TextField
                    {...field}
                    label="شمارهٔ همراه"
                    required
                    placeholder="09121234567"
                    error={!!fieldState.error}
                    helperText={fieldState.error?.message}
                    slotProps={{ htmlInput: { ...numericInput, maxLength: 16 } }}
                  />
                )}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <Controller
                name="gender"
                control={control}
                render={({ field, fieldState }) => (
                  <FormControl error={!!fieldState.error} fullWidth>
                    <FormLabel sx={{ fontSize: 13, mb: 0.5 }} id="gender-label">
                      جنسیت *
                    </FormLabel>
                    <ToggleButtonGroup
                      exclusive
                      size="small"
                      color="primary"
                      aria-labelledby="gender-label"
                      value={field.value || null}
                      onChange={(_e, value: string | null) => value && field.onChange(value)}
                      onBlur={field.onBlur}
                    >
                      {GENDERS.map((g) => (
                        <ToggleButton key={g} value={g} sx={{ px: 3 }}>
                          {GENDER_LABELS[g]}
                        </ToggleButton>
                      ))}
                    </ToggleButtonGroup>
                    {fieldState.error && (
                      <FormHelperText>{fieldState.error.message}</FormHelperText>
                    )}
                  </FormControl>
                )}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <Controller
                name="birthDate"
                control={control}
                render={({ field, fieldState }) => (
                  <JalaliDateField
                    name="birthDate"
                    label="تاریخ تولد"
                    value={field.value}
                    onChange={field.onChange}
                    maxDate={todayInTehran()}
                    minDate="1900-01-01"
                    error={!!fieldState.error}
                    helperText={fieldState.error?.message ?? 'به تقویم خورشیدی، مانند ۱۳۷۰/۰۲/۱۵'}
                  />
                )}
              />
            </Grid>
            <Grid size={12}>
              <Controller
                name="notes"
                control={control}
                render={({ field, fieldState }) => (
                  <TextField
                    {...field}
                    label="یادداشت"
                    multiline
                    minRows={2}
                    maxRows={6}
                    error={!!fieldState.error}
                    helperText={fieldState.error?.message}
                  />
                )}
              />
            </Grid>
          </Grid>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose}>انصراف</Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {patient ? 'ذخیرهٔ تغییرات' : 'ثبت بیمار'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
