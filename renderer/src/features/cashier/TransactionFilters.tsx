import Box from '@mui/material/Box';
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
import { JalaliDateField } from '../../components/JalaliDateField';
import { useCall } from '../../hooks/use-call';
import { emptySelectProps } from '../../lib/inputs';
import { PatientPicker } from '../patients/PatientPicker';
import { dayProblems, type DayRange } from './day-range';

export interface TransactionFilterValues extends DayRange {
  cashierId: string;
  method: PaymentMethod | '';
  patient: Patient | null;
  kind: LedgerKind | '';
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
        // Every field at least 210px (a Jalali day with its clear button, the longest method or
        // kind); as many to a row as fit: at 1360px the days, cashier and method, then the rest.
        gridTemplateColumns: 'repeat(auto-fill, minmax(210px, 1fr))',
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
      <Box sx={{ gridColumn: 'span 2' }}>
        <PatientPicker filter value={value.patient} onChange={(patient) => onChange({ patient })} />
      </Box>
      <Button
        startIcon={<FilterAltOffIcon />}
        onClick={onClear}
        sx={{ mt: 0.25, whiteSpace: 'nowrap', justifySelf: 'start' }}
      >
        پاک کردن فیلترها
      </Button>
    </Paper>
  );
}
