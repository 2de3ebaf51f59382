import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import type { Center } from '../../../../shared/domain/center';
import { MESSAGE_KIND_LABELS } from '../../../../shared/domain/messages';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCenter } from '../../hooks/use-center';
import { useProblem } from '../../hooks/use-problem';
import { useRights } from '../../hooks/use-rights';
import { parseTime } from '../../lib/appointments';
import { bridge } from '../../lib/bridge';
import { minutesText } from '../../lib/format';
import { ltrInput } from '../../lib/inputs';
import { readCount } from '../../lib/numbers';
import { useNotify } from '../../state/notify-store';
import { FormSection } from '../settings/FormSection';
import { TemplateEditor } from './TemplateEditor';

type Kind = keyof Center['smsTemplates'];

const KINDS: { id: Kind; hint: string }[] = [
  { id: 'confirmation', hint: 'پس از ثبت نوبت در پذیرش یا سایت فرستاده می‌شود.' },
  { id: 'reminder', hint: 'چند ساعت پیش از نوبت، از سرور مرکز فرستاده می‌شود.' },
  { id: 'welcome', hint: 'پس از ثبت بیمار تازه فرستاده می‌شود.' },
  { id: 'cancellation', hint: 'پس از لغو نوبت فرستاده می‌شود.' },
];

const FIELDS = [
  ...KINDS.map((k) => `smsTemplates.${k.id}`),
  'reminderHoursBefore',
  'quietHours.from',
  'quietHours.to',
];

function Editor({ center }: { center: Center }) {
  const canEdit = useRights().has('settings.edit');
  const notify = useNotify((s) => s.notify);
  const [templates, setTemplates] = useState(center.smsTemplates);
  const [auto, setAuto] = useState(center.smsAuto);
  const [hours, setHours] = useState(String(center.reminderHoursBefore));
  const [quietFrom, setQuietFrom] = useState(minutesText(center.quietHours.from));
  const [quietTo, setQuietTo] = useState(minutesText(center.quietHours.to));
  const form = useProblem();
  const f = form.fields;

  const save = () => {
    const local: Record<string, string> = {};
    const from = parseTime(quietFrom);
    const to = parseTime(quietTo);
    if (from === null) local['quietHours.from'] = 'ساعت را مانند ۲۲:۰۰ بنویسید.';
    if (to === null) local['quietHours.to'] = 'ساعت را مانند ۰۸:۰۰ بنویسید.';
    const h = readCount(hours);
    if (h === undefined || Number.isNaN(h)) local.reminderHoursBefore = 'ساعت را به عدد وارد کنید.';
    if (Object.keys(local).length) return form.refuse(local);
    return form.run(async () => {
      await bridge.call('messages.saveSettings', {
        smsTemplates: templates,
        smsAuto: auto,
        reminderHoursBefore: h!,
        quietHours: { from: from!, to: to! },
      });
      notify('تنظیمات پیامک ذخیره شد.');
    });
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 1100 }}>
      {!canEdit && (
        <Alert severity="info">تغییر متن‌ها و تنظیمات پیامک با دسترسی «ویرایش مرکز» است.</Alert>
      )}
      <ProblemAlert problem={form.problem} fields={FIELDS} />
      {KINDS.map((k) => (
        <TemplateEditor
          key={k.id}
          id={k.id}
          title={MESSAGE_KIND_LABELS[k.id]}
          hint={k.hint}
          text={templates[k.id]}
          auto={auto[k.id]}
          disabled={!canEdit}
          error={f[`smsTemplates.${k.id}`]}
          onText={(text) => {
            setTemplates((t) => ({ ...t, [k.id]: text }));
            form.clear(`smsTemplates.${k.id}`);
          }}
          onAuto={(on) => setAuto((a) => ({ ...a, [k.id]: on }))}
        />
      ))}
      <FormSection
        title="زمان ارسال"
        hint="در ساعات سکوت هیچ پیامک خودکاری فرستاده نمی‌شود؛ پیامک تا پایان آن در صف می‌ماند."
      >
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 220px)', gap: 2 }}>
          <TextField
            name="reminderHoursBefore"
            label="یادآوری پیش از نوبت"
            value={hours}
            disabled={!canEdit}
            onChange={(e) => {
              setHours(e.target.value);
              form.clear('reminderHoursBefore');
            }}
            error={!!f.reminderHoursBefore}
            helperText={f.reminderHoursBefore ?? 'از ۱ تا ۱۶۸ ساعت'}
            slotProps={{
              htmlInput: { ...ltrInput, inputMode: 'numeric' },
              input: { endAdornment: <InputAdornment position="end">ساعت</InputAdornment> },
            }}
          />
          <TextField
            name="quietHours.from"
            label="سکوت از ساعت"
            value={quietFrom}
            disabled={!canEdit}
            onChange={(e) => {
              setQuietFrom(e.target.value);
              form.clear('quietHours.from');
            }}
            error={!!f['quietHours.from']}
            helperText={f['quietHours.from'] ?? 'مانند ۲۲:۰۰'}
            slotProps={{ htmlInput: ltrInput }}
          />
          <TextField
            name="quietHours.to"
            label="تا ساعت"
            value={quietTo}
            disabled={!canEdit}
            onChange={(e) => {
              setQuietTo(e.target.value);
              form.clear('quietHours.to');
            }}
            error={!!f['quietHours.to']}
            helperText={f['quietHours.to'] ?? 'مانند ۰۸:۰۰'}
            slotProps={{ htmlInput: ltrInput }}
          />
        </Box>
      </FormSection>
      {canEdit && (
        <Box>
          <Button variant="contained" disabled={form.busy} onClick={() => void save()}>
            ذخیرهٔ تنظیمات پیامک
          </Button>
        </Box>
      )}
    </Box>
  );
}

/** The center's SMS texts (C9), which go automatically, the reminder's lead time and quiet hours. */
export function SmsSettingsTab() {
  const center = useCenter();
  if (!center) return <CircularProgress aria-label="در حال بارگذاری" />;
  return <Editor key={center.id} center={center} />;
}
