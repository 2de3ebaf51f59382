import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import type { TimeBlock, WeekHours } from '../../../../../shared/domain/schedules';
import { WEEKDAY_LABELS } from '../../../../../shared/domain/schedules';
import { parseTime } from '../../../lib/appointments';
import { minutesText } from '../../../lib/format';
import { ltrInput } from '../../../lib/inputs';

export interface BlockText {
  start: string;
  end: string;
}

export function blocksToText(blocks: readonly TimeBlock[]): BlockText[] {
  return blocks.map((b) => ({ start: minutesText(b.start), end: minutesText(b.end) }));
}

/**
 * Typed blocks → minutes; a time that cannot be read gets its message at `prefix.i.start|end`
 * (the same paths the core uses), and the result is null.
 */
export function textToBlocks(
  rows: readonly BlockText[],
  prefix: string,
  problems: Record<string, string>,
): TimeBlock[] {
  return rows.map((r, i) => {
    const start = parseTime(r.start);
    const end = parseTime(r.end);
    if (start === null) problems[`${prefix}.${i}.start`] = 'ساعت را مانند ۰۸:۰۰ بنویسید.';
    if (end === null) problems[`${prefix}.${i}.end`] = 'ساعت را مانند ۱۴:۰۰ بنویسید.';
    return { start: start ?? 0, end: end ?? 0 };
  });
}

/** One day's blocks: start–end pairs, added and removed. */
export function DayBlocks({
  label,
  rows,
  onChange,
  errors,
  prefix,
}: {
  label: string;
  rows: BlockText[];
  onChange(rows: BlockText[]): void;
  errors: Record<string, string>;
  prefix: string;
}) {
  const set = (i: number, key: keyof BlockText, value: string) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 1.5 }}>
      {rows.length === 0 && (
        <Typography color="text.secondary" sx={{ py: 1 }}>
          تعطیل
        </Typography>
      )}
      {rows.map((r, i) => (
        <Box key={i} sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.5 }}>
          {(['start', 'end'] as const).map((k) => (
            <TextField
              key={k}
              name={`${prefix}.${i}.${k}`}
              label={k === 'start' ? 'از' : 'تا'}
              value={r[k]}
              onChange={(e) => set(i, k, e.target.value)}
              error={!!errors[`${prefix}.${i}.${k}`]}
              helperText={errors[`${prefix}.${i}.${k}`]}
              slotProps={{
                htmlInput: {
                  ...ltrInput,
                  'aria-label': `${label} بازهٔ ${i + 1} ${k === 'start' ? 'از' : 'تا'}`,
                },
              }}
              sx={{ width: 96 }}
              fullWidth={false}
            />
          ))}
          <IconButton
            aria-label={`حذف بازهٔ ${i + 1} ${label}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            sx={{ mt: 0.25 }}
          >
            <CloseIcon fontSize="small" />
          </IconButton>
        </Box>
      ))}
      <Button
        size="small"
        startIcon={<AddIcon />}
        aria-label={`افزودن بازه به ${label}`}
        onClick={() =>
          onChange([
            ...rows,
            rows.length ? { start: '16:00', end: '20:00' } : { start: '08:00', end: '14:00' },
          ])
        }
        sx={{ mt: 0.5 }}
      >
        بازه
      </Button>
    </Box>
  );
}

/** Seven days from Saturday, each with its blocks; saves all at once. */
export function WeekEditor({
  initial,
  onSave,
  saveLabel,
  extra,
}: {
  initial: WeekHours | null;
  /** Rejects with field paths `week.<day>.<block>.<start|end>` to show under the inputs. */
  onSave(week: WeekHours): Promise<Record<string, string> | null>;
  saveLabel: string;
  extra?: React.ReactNode;
}) {
  const [days, setDays] = useState<BlockText[][]>(() =>
    Array.from({ length: 7 }, (_, d) => blocksToText(initial?.[d] ?? [])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const problems: Record<string, string> = {};
    const week = days.map((rows, d) => textToBlocks(rows, `week.${d}`, problems));
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      setErrors((await onSave(week)) ?? {});
    } finally {
      setBusy(false);
    }
  };
  const loose = Object.entries(errors).filter(([k]) => !/^week\.\d\.\d+\.(start|end)$/.test(k));

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      {loose.map(([k, m]) => (
        <Alert key={k} severity="error">
          {m}
        </Alert>
      ))}
      {WEEKDAY_LABELS.map((label, d) => (
        <Box
          key={label}
          role="group"
          aria-label={label}
          sx={{
            display: 'flex',
            gap: 2,
            alignItems: 'flex-start',
            borderBottom: 1,
            borderColor: 'divider',
            pb: 1.5,
          }}
        >
          <Typography sx={{ width: 80, flexShrink: 0, pt: 1, fontWeight: 600 }}>{label}</Typography>
          <DayBlocks
            label={label}
            rows={days[d]!}
            onChange={(rows) => setDays((all) => all.map((r, i) => (i === d ? rows : r)))}
            errors={errors}
            prefix={`week.${d}`}
          />
        </Box>
      ))}
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        {extra}
        <Button
          onClick={() =>
            setDays((all) => all.map((r, i) => (i < 5 ? all[0]!.map((b) => ({ ...b })) : r)))
          }
        >
          ساعات شنبه برای شنبه تا چهارشنبه
        </Button>
        <Button variant="contained" disabled={busy} onClick={() => void save()}>
          {saveLabel}
        </Button>
      </Box>
    </Box>
  );
}
