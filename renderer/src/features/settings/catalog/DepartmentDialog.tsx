import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { BridgeError } from '../../../../../shared/api/bridge-error';
import {
  departmentInputSchema,
  type CatalogItem,
  type DepartmentInput,
} from '../../../../../shared/domain/catalog';
import { bridge } from '../../../lib/bridge';
import { placeServerErrors } from '../../../lib/form-resolver';

const FIELDS = ['name', 'description', 'active'] as const;

/** Mounted afresh for each opening (the parent changes its `key`). */
export function DepartmentDialog({
  department,
  onClose,
  onSaved,
}: {
  /** null: a new department. */
  department: CatalogItem | null;
  onClose(): void;
  onSaved(saved: CatalogItem, created: boolean): void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<
    DepartmentInput,
    unknown,
    z.output<typeof departmentInputSchema>
  >({
    resolver: zodResolver(departmentInputSchema),
    defaultValues: {
      name: department?.name ?? '',
      description: department?.description ?? '',
      active: department?.active ?? true,
    },
    mode: 'onTouched',
  });

  const submit = handleSubmit(async (input) => {
    setFormError(null);
    try {
      const saved = await bridge.call('catalog.saveDepartment', {
        ...input,
        ...(department ? { id: department.id } : {}),
      });
      onSaved(saved, department === null);
    } catch (e) {
      if (e instanceof BridgeError) {
        if (!placeServerErrors(e, setError, FIELDS)) setFormError(e.message);
      } else setFormError('ذخیره انجام نشد. دوباره تلاش کنید.');
    }
  });

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="department-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="department-title">
          {department ? `ویرایش بخش «${department.name}»` : 'بخش تازه'}
        </DialogTitle>
        <DialogContent dividers>
          {formError && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {formError}
            </Alert>
          )}
          <Stack spacing={2}>
            <Controller
              name="name"
              control={control}
              render={({ field, fieldState }) => (
                <TextField
                  {...field}
                  label="نام بخش"
                  required
                  autoFocus
                  placeholder="مثلاً: فیزیوتراپی"
                  error={!!fieldState.error}
                  helperText={fieldState.error?.message}
                />
              )}
            />
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
                  helperText={fieldState.error?.message ?? 'اختیاری؛ در سایت نوبت‌دهی دیده می‌شود'}
                />
              )}
            />
            <Controller
              name="active"
              control={control}
              render={({ field }) => (
                <FormControlLabel
                  control={
                    <Switch
                      name="active"
                      checked={field.value ?? true}
                      onChange={(e) => field.onChange(e.target.checked)}
                    />
                  }
                  label="فعال (نوبت‌دهی برای خدمات این بخش باز است)"
                />
              )}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose}>انصراف</Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {department ? 'ذخیرهٔ تغییرات' : 'ثبت بخش'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
