import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import FilterAltOffIcon from '@mui/icons-material/FilterAltOff';
import {
  KIND_LABELS,
  LEDGER_KINDS,
  METHOD_LABELS,
  PAYMENT_METHODS,
  type LedgerKind,
  type PaymentMethod,
} from '../../../../shared/domain/ledger';
import { staffFullName } from '../../../../shared/domain/staff';
import type { Patient } from '../../../../shared/domain/patients';
import { INVALID_DATE, JalaliDateField } from '../../components/JalaliDateField';
import { useCall } from '../../hooks/use-call';
import { emptySelectProps } from '../../lib/inputs';
import { PatientPicker } from '../patients/PatientPicker';

export interface TransactionFilterValues {
  /** `YYYY-MM-DD`, '' or {@link INVALID_DATE}. */
  from: string;
  to: string;
  cashierId: string;
  method: PaymentMethod | '';
  patient: Patient | null;
  kind: LedgerKind | '';
}

export function dayProblems(f: {
  from: string;
  to: string;
}): Partial<Record<'from' | 'to', string>> {
  const problems: Partial<Record<'from' | 'to', string>> = {};
  if (f.from === INVALID_DATE) problems.from = 'این روز در تقویم نیست.';
  if (f.to === INVALID_DATE) problems.to = 'این روز در تقویم نیست.';
  if (!problems.from && !problems.to && f.from && f.to && f.from > f.to)
    problems.to = 'تاریخ پایان پیش از تاریخ آغاز است.';
  return problems;
}

/** The filters of the transactions list: Jalali days, cashier, method, patient and kind. */
export function TransactionFilters({
  value,
  onChange,
  onClear,
}: {
  value: TransactionFilterValues;
  onChange(patch: Partial<TransactionFilterValues>): void;
  onClear(): void;
}) {
  const { data: staff } = useCall('staff.list', {}, ['staff']);
  const problems = dayProblems(value);
  return (
    <Paper
      variant="outlined"
      role="search"
      aria-label="فیلتر تراکنش‌ها"
      sx={{
        p: 1.5,
        display: 'grid',
        gridTemplateColumns: '170px 170px 1fr 1.3fr 1fr 1.4fr auto',
        gap: 1.5,
        alignItems: 'start',
      }}
    >
      <JalaliDateField
        name="from"
        label="از تاریخ"
        value={value.from}
        onChange={(from) => onChange({ from })}
        error={!!problems.from}
        helperText={problems.from}
      />
      <JalaliDateField
        name="to"
        label="تا تاریخ"
        value={value.to}
        onChange={(to) => onChange({ to })}
        error={!!problems.to}
        helperText={problems.to}
      />
      <TextField
        select
        label="صندوق‌دار"
        value={value.cashierId}
        onChange={(e) => onChange({ cashierId: e.target.value })}
        slotProps={emptySelectProps}
      >
        <MenuItem value="">همه</MenuItem>
        {(staff ?? [])
          .filter((s) => s.rights.includes('cashier.receive'))
          .map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {staffFullName(s)}
            </MenuItem>
          ))}
      </TextField>
      <TextField
        select
        label="روش"
        value={value.method}
        onChange={(e) => onChange({ method: e.target.value as PaymentMethod | '' })}
        slotProps={emptySelectProps}
      >
        <MenuItem value="">همه</MenuItem>
        {PAYMENT_METHODS.map((m) => (
          <MenuItem key={m} value={m}>
            {METHOD_LABELS[m]}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label="نوع"
        value={value.kind}
        onChange={(e) => onChange({ kind: e.target.value as LedgerKind | '' })}
        slotProps={emptySelectProps}
      >
        <MenuItem value="">همه</MenuItem>
        {LEDGER_KINDS.map((k) => (
          <MenuItem key={k} value={k}>
            {KIND_LABELS[k]}
          </MenuItem>
        ))}
      </TextField>
      <PatientPicker filter value={value.patient} onChange={(patient) => onChange({ patient })} />
      <Button
        startIcon={<FilterAltOffIcon />}
        onClick={onClear}
        sx={{ mt: 0.25, whiteSpace: 'nowrap' }}
      >
        پاک کردن فیلترها
      </Button>
    </Paper>
  );
}
