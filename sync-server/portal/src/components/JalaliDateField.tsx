/**
 * A Jalali date as three native selects (day, month, year): phones show their own wheels, screen
 * readers read each part, and nothing heavy is loaded. The value is a Gregorian `YYYY-MM-DD`, or ''
 * while a part is missing.
 */
import { useId, useState } from 'react';
import {
  changeParts,
  daysInJalaliMonth,
  JALALI_MONTHS,
  jalaliPartsOf,
  partsToIso,
  type JalaliParts,
} from '../lib/jalali';

export function JalaliDateField({
  label,
  name,
  value,
  years,
  error,
  hint,
  onChange,
}: {
  label: string;
  name: string;
  value: string;
  /** The years offered, in the order shown. */
  years: readonly number[];
  error?: string | undefined;
  hint?: string;
  onChange(iso: string): void;
}) {
  const id = `${name}-${useId()}`;
  const [parts, setParts] = useState<JalaliParts>(() => jalaliPartsOf(value));
  const change = (part: Partial<JalaliParts>) => {
    const next = changeParts(parts, part);
    setParts(next);
    onChange(partsToIso(next));
  };
  const days = daysInJalaliMonth(parts.year, parts.month || 1);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    className: 'field-input',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described || undefined,
  } as const;
  return (
    <fieldset className="field">
      <legend className="field-label">{label}</legend>
      <div className="date-parts">
        <select
          {...common}
          name={`${name}-day`}
          aria-label={`روزِ ${label}`}
          value={parts.day || ''}
          onChange={(e) => change({ day: Number(e.target.value) })}
        >
          <option value="">روز</option>
          {Array.from({ length: days }, (_, i) => (
            <option key={i + 1} value={i + 1}>
              {i + 1}
            </option>
          ))}
        </select>
        <select
          {...common}
          name={`${name}-month`}
          aria-label={`ماهِ ${label}`}
          value={parts.month || ''}
          onChange={(e) => change({ month: Number(e.target.value) })}
        >
          <option value="">ماه</option>
          {JALALI_MONTHS.map((month, i) => (
            <option key={month} value={i + 1}>
              {month}
            </option>
          ))}
        </select>
        <select
          {...common}
          name={`${name}-year`}
          aria-label={`سالِ ${label}`}
          value={parts.year || ''}
          onChange={(e) => change({ year: Number(e.target.value) })}
        >
          <option value="">سال</option>
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
