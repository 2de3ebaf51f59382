import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { format } from 'date-fns-jalali';
import { faIR } from 'date-fns-jalali/locale';
import { isIsoDate, isoDateToLocal, localToIsoDate } from '../../../shared/time/dates';

/** Marker for a date the person typed that is not a real day; validation turns it into a message. */
export const INVALID_DATE = 'invalid-date';

export interface JalaliDateFieldProps {
  label: string;
  /** `YYYY-MM-DD`, '' for none, or {@link INVALID_DATE}. */
  value: string;
  onChange(value: string): void;
  error?: boolean;
  helperText?: string;
  /** Latest selectable day, `YYYY-MM-DD`. */
  maxDate?: string;
  minDate?: string;
  name?: string;
}

/** A Jalali date input (Saturday-first calendar) that stores Gregorian `YYYY-MM-DD`. */
export function JalaliDateField(props: JalaliDateFieldProps) {
  const value = isIsoDate(props.value) ? isoDateToLocal(props.value) : null;
  return (
    <DatePicker
      label={props.label}
      value={value}
      onChange={(date) => {
        if (date === null) props.onChange('');
        else if (Number.isNaN(date.getTime())) props.onChange(INVALID_DATE);
        else props.onChange(localToIsoDate(date));
      }}
      maxDate={props.maxDate ? isoDateToLocal(props.maxDate) : undefined}
      minDate={props.minDate ? isoDateToLocal(props.minDate) : undefined}
      dayOfWeekFormatter={(date) => format(date, 'EEEEE', { locale: faIR })}
      slotProps={{
        textField: {
          name: props.name,
          error: props.error,
          helperText: props.helperText,
          fullWidth: true,
          size: 'small',
        },
        field: { clearable: true },
      }}
    />
  );
}
