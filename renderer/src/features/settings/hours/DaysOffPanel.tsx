import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import type { ProviderSchedule } from '../../../../../shared/api/scheduling';
import { todayInTehran } from '../../../../../shared/time/dates';
import { JalaliDateField } from '../../../components/JalaliDateField';
import { bridge } from '../../../lib/bridge';
import { problemOf, type FormProblem } from '../../../lib/errors';
import { longDate, timeRange } from '../../../lib/appointments';
import { useNotify } from '../../../state/notify-store';
import { FormSection } from '../FormSection';
import { DayBlocks, textToBlocks, type BlockText } from './WeekEditor';

/** A date range with a reason: a provider's leave or the center's closure. */
export function RangeForm({
  reasonLabel,
  reasonRequired,
  addLabel,
  onAdd,
}: {
  reasonLabel: string;
  reasonRequired: boolean;
  addLabel: string;
  onAdd(range: { from: string; to: string; reason: string }): Promise<void>;
}) {
  const today = todayInTehran();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const add = async () => {
    const local: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) local.from = 'روز آغاز را انتخاب کنید.';
    if (to && !/^\d{4}-\d{2}-\d{2}$/.test(to)) local.to = 'روز پایان معتبر نیست.';
    if (reasonRequired && !reason.trim())
      local.reason = 'علت را بنویسید؛ روی تقویم نشان داده می‌شود.';
    if (Object.keys(local).length) return setProblem({ message: '', fields: local });
    try {
      await onAdd({ from, to: to || from, reason });
      setFrom('');
      setTo('');
      setReason('');
      setProblem(null);
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  const f = problem?.fields ?? {};
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start' }}>
      {problem?.message && !Object.keys(f).length && (
        <Alert severity="error" sx={{ width: '100%' }}>
          {problem.message}
        </Alert>
      )}
      <Box sx={{ width: 190 }}>
        <JalaliDateField
          name="from"
          label="از"
          value={from}
          minDate={today}
          onChange={setFrom}
          error={!!f.from}
          helperText={f.from}
        />
      </Box>
      <Box sx={{ width: 190 }}>
        <JalaliDateField
          name="to"
          label="تا"
          value={to}
          minDate={from || today}
          onChange={setTo}
          error={!!f.to}
          helperText={f.to ?? 'خالی: همان یک روز'}
        />
      </Box>
      <TextField
        name="reason"
        label={reasonLabel}
        required={reasonRequired}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={!!f.reason}
        helperText={f.reason}
        sx={{ flex: '1 1 200px', maxWidth: 320 }}
        fullWidth={false}
      />
      <Button variant="outlined" onClick={() => void add()} sx={{ mt: 0.25 }}>
        {addLabel}
      </Button>
    </Box>
  );
}

function rangeText(from: string, to: string): string {
  return from === to ? longDate(from) : `${longDate(from)} تا ${longDate(to)}`;
}

/** A provider's leaves and one-day exceptions (other hours, or a day off). */
export function DaysOffPanel({
  schedule,
  canEdit,
}: {
  schedule: ProviderSchedule;
  canEdit: boolean;
}) {
  const notify = useNotify((s) => s.notify);
  const today = todayInTehran();
  const [date, setDate] = useState('');
  const [blocks, setBlocks] = useState<BlockText[]>([]);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const providerId = schedule.providerId;

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      notify(done);
    } catch (e) {
      notify(problemOf(e).message, 'error');
    }
  };
  const addException = async () => {
    const problems: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.date = 'روز را انتخاب کنید.';
    const parsed = textToBlocks(blocks, 'blocks', problems);
    if (Object.keys(problems).length) return setProblem({ message: '', fields: problems });
    try {
      await bridge.call('schedules.setException', { providerId, date, blocks: parsed });
      notify('ساعات این روز ذخیره شد.');
      setDate('');
      setBlocks([]);
      setProblem(null);
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  const f = problem?.fields ?? {};

  return (
    <>
      <FormSection
        title="مرخصی‌ها"
        hint="در روزهای مرخصی برای این شخص نوبت داده نمی‌شود و علت آن روی میز نوبت‌دهی دیده می‌شود."
      >
        {schedule.leaves.length === 0 ? (
          <Alert severity="info" sx={{ mb: 2 }}>
            مرخصی پیش رویی ثبت نشده است.
          </Alert>
        ) : (
          <List dense aria-label="مرخصی‌ها">
            {schedule.leaves.map((l) => (
              <ListItem
                key={l.id}
                secondaryAction={
                  canEdit && (
                    <IconButton
                      edge="end"
                      aria-label={`حذف مرخصی ${rangeText(l.from, l.to)}`}
                      onClick={() =>
                        void run(
                          () => bridge.call('schedules.removeLeave', { id: l.id }),
                          'مرخصی حذف شد.',
                        )
                      }
                    >
                      <DeleteIcon />
                    </IconButton>
                  )
                }
              >
                <ListItemText primary={rangeText(l.from, l.to)} secondary={l.reason || undefined} />
              </ListItem>
            ))}
          </List>
        )}
        {canEdit && (
          <RangeForm
            reasonLabel="علت (اختیاری)"
            reasonRequired={false}
            addLabel="ثبت مرخصی"
            onAdd={async (r) => {
              await bridge.call('schedules.addLeave', { providerId, ...r });
              notify('مرخصی ثبت شد.');
            }}
          />
        )}
      </FormSection>
      <FormSection
        title="روزهای استثنا"
        hint="ساعات کاری یک روز خاص به جای ساعات همیشگی؛ بدون بازه یعنی آن روز کار نمی‌کند."
      >
        {schedule.exceptions.length > 0 && (
          <List dense aria-label="روزهای استثنا">
            {schedule.exceptions.map((x) => (
              <ListItem
                key={x.date}
                secondaryAction={
                  canEdit && (
                    <IconButton
                      edge="end"
                      aria-label={`حذف استثنای ${longDate(x.date)}`}
                      onClick={() =>
                        void run(
                          () =>
                            bridge.call('schedules.clearException', { providerId, date: x.date }),
                          'ساعات همیشگی برای آن روز برگشت.',
                        )
                      }
                    >
                      <DeleteIcon />
                    </IconButton>
                  )
                }
              >
                <ListItemText
                  primary={longDate(x.date)}
                  secondary={
                    x.blocks.length
                      ? x.blocks.map((b) => timeRange(b.start, b.end)).join('، ')
                      : 'کار نمی‌کند'
                  }
                />
              </ListItem>
            ))}
          </List>
        )}
        {canEdit && (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
            <Box sx={{ width: 190 }}>
              <JalaliDateField
                name="exceptionDate"
                label="روز"
                value={date}
                minDate={today}
                onChange={setDate}
                error={!!f.date}
                helperText={f.date}
              />
            </Box>
            <DayBlocks
              label="روز استثنا"
              rows={blocks}
              onChange={setBlocks}
              errors={f}
              prefix="blocks"
            />
            <Button variant="outlined" onClick={() => void addException()}>
              ذخیرهٔ این روز
            </Button>
            {problem?.message && !Object.keys(f).length && (
              <Alert severity="error">{problem.message}</Alert>
            )}
          </Box>
        )}
      </FormSection>
    </>
  );
}
