import { useEffect } from 'react';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import type { PackageView } from '../../../../shared/api/appointments';
import { useCall } from '../../hooks/use-call';
import { faNumber } from '../../lib/format';

/** Packages of the patient that can take a session of this service now. */
export function usablePackages(packages: PackageView[], serviceId: string): PackageView[] {
  return packages.filter(
    (p) =>
      p.serviceId === serviceId && p.status === 'active' && !p.usage.expired && p.usage.left > 0,
  );
}

/**
 * When the patient has an active package for the chosen service, offers booking the visit as one
 * of its sessions (chosen by default: that is what the patient paid for).
 */
export function PackageChoice({
  patientId,
  serviceId,
  value,
  onChange,
  error,
}: {
  patientId: string;
  serviceId: string;
  /** null: not decided yet (the first usable package is then chosen). */
  value: string | null;
  onChange(packageId: string): void;
  error?: string;
}) {
  const { data } = useCall('packages.list', { patientId }, ['packages', 'appointments']);
  const usable = usablePackages(data ?? [], serviceId);
  const first = usable[0]?.id ?? '';
  const settled = value === '' || usable.some((p) => p.id === value);

  useEffect(() => {
    if (data && !settled) onChange(first);
  }, [data, settled, first, onChange]);

  if (usable.length === 0) return null;
  return (
    <FormControl error={!!error}>
      <FormLabel id="package-label">بستهٔ جلسه‌ای بیمار</FormLabel>
      <RadioGroup
        aria-labelledby="package-label"
        name="packageId"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value)}
      >
        {usable.map((p) => (
          <FormControlLabel
            key={p.id}
            value={p.id}
            control={<Radio />}
            label={`جلسه‌ای از «${p.title}» (${faNumber.format(p.usage.left)} جلسه مانده)`}
          />
        ))}
        <FormControlLabel value="" control={<Radio />} label="نوبت جدا، بدون بسته" />
      </RadioGroup>
      <FormHelperText>{error ?? (first ? 'جلسه از بسته کم می‌شود.' : undefined)}</FormHelperText>
    </FormControl>
  );
}
