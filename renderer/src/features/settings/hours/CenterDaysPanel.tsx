import Alert from '@mui/material/Alert';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import type { WeekHours } from '../../../../../shared/domain/schedules';
import { addDays } from '../../../../../shared/scheduling/day-math';
import { todayInTehran } from '../../../../../shared/time/dates';
import { useCall } from '../../../hooks/use-call';
import { longDate } from '../../../lib/appointments';
import { bridge } from '../../../lib/bridge';
import { problemOf } from '../../../lib/errors';
import { useNotify } from '../../../state/notify-store';
import { FormSection } from '../FormSection';
import { RangeForm } from './DaysOffPanel';
import { WeekEditor } from './WeekEditor';

/** The center's opening hours and its own closed days (official holidays come by themselves). */
export function CenterDaysPanel({
  centerHours,
  canEdit,
}: {
  centerHours: WeekHours | null;
  canEdit: boolean;
}) {
  const notify = useNotify((s) => s.notify);
  const today = todayInTehran();
  const { data } = useCall('holidays.list', { from: today, to: addDays(today, 365) }, [
    'schedules',
    'center',
  ]);
  const closures = new Map<string, { from: string; to: string; title: string }>();
  for (const h of data?.holidays ?? []) {
    if (h.kind !== 'closure' || !h.closureId) continue;
    const c = closures.get(h.closureId);
    if (c) c.to = h.date;
    else closures.set(h.closureId, { from: h.date, to: h.date, title: h.title });
  }
  return (
    <>
      <FormSection
        title="ساعات کار مرکز"
        hint="نوبت‌ها فقط در ساعاتی داده می‌شود که هم مرکز باز است و هم ارائه‌دهنده کار می‌کند. اگر ساعات مرکز را خالی بگذارید، فقط ساعات هر شخص ملاک است."
      >
        <WeekEditor
          initial={centerHours}
          saveLabel="ذخیرهٔ ساعات مرکز"
          onSave={async (week) => {
            try {
              await bridge.call('schedules.setCenterHours', { week });
              notify('ساعات کار مرکز ذخیره شد.');
              return null;
            } catch (e) {
              const p = problemOf(e);
              return Object.keys(p.fields).length ? p.fields : { form: p.message };
            }
          }}
        />
      </FormSection>
      <FormSection
        title="تعطیلی‌های مرکز"
        hint="تعطیلات رسمی خودبه‌خود در تقویم هستند؛ روزهایی را که مرکز به دلیل دیگری بسته است اینجا ثبت کنید."
      >
        {closures.size === 0 ? (
          <Alert severity="info" sx={{ mb: 2 }}>
            تعطیلی پیش رویی ثبت نشده است.
          </Alert>
        ) : (
          <List dense aria-label="تعطیلی‌های مرکز">
            {[...closures].map(([id, c]) => (
              <ListItem
                key={id}
                secondaryAction={
                  canEdit && (
                    <IconButton
                      edge="end"
                      aria-label={`حذف تعطیلی ${c.title}`}
                      onClick={() =>
                        bridge.call('schedules.removeClosure', { id }).then(
                          () => notify('تعطیلی حذف شد.'),
                          (e: unknown) => notify(problemOf(e).message, 'error'),
                        )
                      }
                    >
                      <DeleteIcon />
                    </IconButton>
                  )
                }
              >
                <ListItemText
                  primary={c.title}
                  secondary={
                    c.from === c.to ? longDate(c.from) : `${longDate(c.from)} تا ${longDate(c.to)}`
                  }
                />
              </ListItem>
            ))}
          </List>
        )}
        {canEdit && (
          <RangeForm
            reasonLabel="علت"
            reasonRequired
            addLabel="ثبت تعطیلی"
            onAdd={async (r) => {
              await bridge.call('schedules.addClosure', r);
              notify('تعطیلی ثبت شد.');
            }}
          />
        )}
      </FormSection>
    </>
  );
}
