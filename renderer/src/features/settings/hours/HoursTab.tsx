import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ScheduleIcon from '@mui/icons-material/Schedule';
import type { ProviderSchedule } from '../../../../../shared/api/scheduling';
import { staffFullName } from '../../../../../shared/domain/staff';
import { EmptyState } from '../../../components/EmptyState';
import { useCall } from '../../../hooks/use-call';
import { useProviders } from '../../../hooks/use-people';
import { useRights } from '../../../hooks/use-rights';
import { bridge } from '../../../lib/bridge';
import { problemOf } from '../../../lib/errors';
import { ltrInput } from '../../../lib/inputs';
import { useNotify } from '../../../state/notify-store';
import { FormSection } from '../FormSection';
import { CenterDaysPanel } from './CenterDaysPanel';
import { DaysOffPanel } from './DaysOffPanel';
import { WeekEditor } from './WeekEditor';

function ProviderHours({
  schedule,
  name,
  canEdit,
}: {
  schedule: ProviderSchedule;
  name: string;
  canEdit: boolean;
}) {
  const notify = useNotify((s) => s.notify);
  const [step, setStep] = useState(schedule.slotStepMin ? String(schedule.slotStepMin) : '');
  const [stepError, setStepError] = useState('');
  return (
    <FormSection
      title={`ساعات کاری هفتگی ${name}`}
      hint="هر روز می‌تواند چند بازه داشته باشد (مثلاً صبح و عصر). روزی که بازه ندارد تعطیل است."
    >
      <WeekEditor
        initial={schedule.providerHours}
        saveLabel="ذخیرهٔ ساعات کاری"
        extra={
          <TextField
            name="slotStepMin"
            label="فاصلهٔ شروع نوبت‌ها (دقیقه)"
            value={step}
            onChange={(e) => setStep(e.target.value)}
            error={!!stepError}
            helperText={stepError || 'خالی: به اندازهٔ مدت هر خدمت'}
            slotProps={{ htmlInput: { ...ltrInput, inputMode: 'numeric' } }}
            sx={{ width: 240 }}
            fullWidth={false}
            disabled={!canEdit}
          />
        }
        onSave={async (week) => {
          const text = step.trim();
          if (text && !/^\d+$/.test(text)) {
            setStepError('به دقیقه و با عدد بنویسید.');
            return null;
          }
          setStepError('');
          try {
            await bridge.call('schedules.setProviderHours', {
              providerId: schedule.providerId,
              week,
              slotStepMin: text ? Number(text) : null,
            });
            notify(`ساعات کاری ${name} ذخیره شد.`);
            return null;
          } catch (e) {
            const p = problemOf(e);
            if (p.fields.slotStepMin) setStepError(p.fields.slotStepMin);
            return Object.keys(p.fields).length ? p.fields : { form: p.message };
          }
        }}
      />
    </FormSection>
  );
}

/** Working time (C5): each provider's weekly hours, leaves and exceptions; the center's hours and closures. */
export function HoursTab() {
  const { providers, loaded } = useProviders();
  const [chosen, setChosen] = useState('');
  const canEdit = useRights().has('settings.edit');
  const providerId = chosen || providers[0]?.id || '';
  const provider = providers.find((p) => p.id === providerId);

  if (loaded && providers.length === 0) {
    return (
      <EmptyState
        icon={<ScheduleIcon color="disabled" sx={{ fontSize: 48 }} />}
        title="ارائه‌دهنده‌ای نیست"
        text="نخست در «کارکنان» پزشکان و درمانگران را با نقش «ارائه‌دهندهٔ خدمت» ثبت کنید؛ سپس ساعات کاری هر یک را اینجا بگذارید."
      />
    );
  }
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {!canEdit && (
        <Alert severity="info">
          تغییر ساعات کاری به دسترسی «ویرایش مرکز، بخش‌ها و خدمات» نیاز دارد.
        </Alert>
      )}
      <TextField
        select
        label="ارائه‌دهنده"
        value={providerId}
        onChange={(e) => setChosen(e.target.value)}
        sx={{ maxWidth: 360 }}
      >
        {providers.map((p) => (
          <MenuItem key={p.id} value={p.id}>
            {staffFullName(p)}
          </MenuItem>
        ))}
      </TextField>
      {provider && (
        <ScheduleOf providerId={provider.id} name={staffFullName(provider)} canEdit={canEdit} />
      )}
    </Box>
  );
}

function ScheduleOf({
  providerId,
  name,
  canEdit,
}: {
  providerId: string;
  name: string;
  canEdit: boolean;
}) {
  const { data, error } = useCall('schedules.get', { providerId }, ['schedules']);
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!data) return null;
  return (
    <>
      <ProviderHours key={providerId} schedule={data} name={name} canEdit={canEdit} />
      <DaysOffPanel schedule={data} canEdit={canEdit} />
      <CenterDaysPanel
        key={data.centerHours ? 'set' : 'none'}
        centerHours={data.centerHours}
        canEdit={canEdit}
      />
    </>
  );
}
