import { useLayoutEffect, useRef, type Ref } from 'react';
import { useForkRef } from '@mui/material/utils';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { digitCount, groupAmount, MONEY_UNIT_LABELS, type MoneyUnit } from '../lib/money';

export interface MoneyFieldProps {
  name: string;
  label: string;
  /** The text as typed, grouped (see {@link groupAmount}). */
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  unit: MoneyUnit;
  error?: boolean;
  helperText?: string;
  required?: boolean;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * An amount in the center's money unit, grouped by thousands as it is typed. The caret keeps its
 * place among the digits while separators come and go.
 */
export function MoneyField(props: MoneyFieldProps) {
  const input = useRef<HTMLInputElement | null>(null);
  /** Digits that were right of the caret at the last keystroke. */
  const digitsAfterCaret = useRef<number | null>(null);
  const ref = useForkRef(input, props.inputRef);

  useLayoutEffect(() => {
    const el = input.current;
    const after = digitsAfterCaret.current;
    if (!el || after === null || document.activeElement !== el) return;
    digitsAfterCaret.current = null;
    let pos = el.value.length;
    let seen = 0;
    while (pos > 0 && seen < after) {
      pos -= 1;
      if (/\d/.test(el.value[pos] ?? '')) seen += 1;
    }
    el.setSelectionRange(pos, pos);
  }, [props.value]);

  return (
    <TextField
      name={props.name}
      label={props.label}
      value={props.value}
      required={props.required}
      disabled={props.disabled}
      error={props.error}
      helperText={props.helperText}
      onBlur={props.onBlur}
      onChange={(e) => {
        const raw = e.target.value;
        const caret = e.target.selectionStart ?? raw.length;
        digitsAfterCaret.current = digitCount(raw.slice(caret));
        props.onChange(groupAmount(raw));
      }}
      inputRef={ref}
      slotProps={{
        htmlInput: { dir: 'ltr', inputMode: 'decimal', style: { textAlign: 'right' } },
        input: {
          endAdornment: (
            <InputAdornment position="end">{MONEY_UNIT_LABELS[props.unit]}</InputAdornment>
          ),
        },
      }}
    />
  );
}
