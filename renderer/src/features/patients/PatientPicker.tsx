import { useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import type { Patient } from '../../../../shared/domain/patients';
import { maskNationalId } from '../../../../shared/text/identity';
import { useCall } from '../../hooks/use-call';
import { useDebounced } from '../../hooks/use-debounced';
import { useRights } from '../../hooks/use-rights';
import { mobileText, ltr } from '../../lib/format';
import { PatientDialog } from './PatientDialog';

export interface PatientPickerProps {
  value: Patient | null;
  onChange(patient: Patient | null): void;
  error?: boolean;
  helperText?: string;
  autoFocus?: boolean;
  label?: string;
  /** A filter, not a form field: not required, and no «new patient» button. */
  filter?: boolean;
}

function patientLine(p: Patient): string {
  return [
    p.fileNumber && `پرونده ${ltr(p.fileNumber)}`,
    p.nationalId && ltr(maskNationalId(p.nationalId)),
    p.mobile && mobileText(p.mobile),
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * Finds a patient by typing any part of the name, national id, mobile or file number; someone new
 * is registered inline with the same dialog as the patients list, and then chosen.
 */
export function PatientPicker(props: PatientPickerProps) {
  const [text, setText] = useState('');
  // What was last typed: the field clears itself on blur, but it is the new patient's name.
  const [typed, setTyped] = useState('');
  const [creating, setCreating] = useState(false);
  const canCreate = useRights().has('patients.edit') && !props.filter;
  const query = useDebounced(text, 200);
  const { data, loading } = useCall('patients.search', { query, limit: 20 }, ['patients']);
  const options = data?.items ?? [];

  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
      <Autocomplete
        sx={{ flexGrow: 1 }}
        value={props.value}
        onChange={(_e, patient) => props.onChange(patient)}
        inputValue={text}
        onInputChange={(_e, value, reason) => {
          setText(value);
          if (reason === 'input') setTyped(value);
        }}
        options={options}
        filterOptions={(o) => o}
        loading={loading}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        getOptionLabel={(p) => `${p.firstName} ${p.lastName}`}
        noOptionsText={
          query.trim() ? 'بیماری با این مشخصات پیدا نشد' : 'نام، کد ملی یا شمارهٔ همراه را بنویسید'
        }
        loadingText="در حال جستجو…"
        renderOption={({ key, ...optionProps }, p) => (
          <li key={key} {...optionProps}>
            <Box>
              <Typography>{`${p.firstName} ${p.lastName}`}</Typography>
              <Typography variant="caption" color="text.secondary">
                {patientLine(p)}
              </Typography>
            </Box>
          </li>
        )}
        renderInput={(params) => (
          <TextField
            {...params}
            name="patient"
            label={props.label ?? 'بیمار'}
            required={!props.filter}
            autoFocus={props.autoFocus}
            error={props.error}
            helperText={
              props.helperText ??
              (props.value
                ? patientLine(props.value)
                : props.filter
                  ? undefined
                  : 'با نام، کد ملی، همراه یا شمارهٔ پرونده')
            }
          />
        )}
      />
      {canCreate && (
        <Button
          variant="outlined"
          startIcon={<PersonAddIcon />}
          onClick={() => setCreating(true)}
          sx={{ flexShrink: 0, height: 40 }}
        >
          بیمار جدید
        </Button>
      )}
      {creating && (
        <PatientDialog
          open
          patient={null}
          draftName={props.value ? '' : typed}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            props.onChange(saved);
          }}
        />
      )}
    </Box>
  );
}
