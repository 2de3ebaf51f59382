import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import DirectionsWalkIcon from '@mui/icons-material/DirectionsWalk';
import EventNoteIcon from '@mui/icons-material/EventNote';
import type { AppointmentRow } from '../../../../shared/api/appointments';
import type { Patient } from '../../../../shared/domain/patients';
import { addDays, eachDate } from '../../../../shared/scheduling/day-math';
import type { Slot } from '../../../../shared/scheduling/slots';
import { isIsoDate, todayInTehran } from '../../../../shared/time/dates';
import { EmptyState } from '../../components/EmptyState';
import { useCatalog, useProviders } from '../../hooks/use-people';
import { useRights } from '../../hooks/use-rights';
import { longDate } from '../../lib/appointments';
import { bridge } from '../../lib/bridge';
import { useNotify } from '../../state/notify-store';
import { BookingDialog, type BookingDraft } from '../appointments/BookingDialog';
import { WalkInDialog } from '../appointments/WalkInDialog';
import { BookingPopover } from './BookingPopover';
import { DeskGrid } from './DeskGrid';
import { DeskLegend } from './DeskLegend';
import { DeskToolbar, type DeskView } from './DeskToolbar';
import { weekStart } from './desk-layout';
import type { DeskColumn } from './TimeGrid';

/** Providers shown side by side when none are chosen. */
const DEFAULT_DAY_PROVIDERS = 6;

/**
 * The appointment desk (B3): each provider's day side by side, or one provider's week; working
 * time, closed days with their reason, bookings by status, and free times that book in two clicks.
 * The view lives in the address (`?view=week&date=…&providers=…&service=…`), so it can be linked;
 * `patient` and `package` start booking a package session.
 */
export function DeskPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const notify = useNotify((s) => s.notify);
  const rights = useRights();
  const { providers, loaded } = useProviders();
  const { services } = useCatalog();
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [walkIn, setWalkIn] = useState(false);
  const [open, setOpen] = useState<{ row: AppointmentRow; anchor: HTMLElement } | null>(null);
  const [forPatient, setForPatient] = useState<Patient | null>(null);

  const today = todayInTehran();
  const view: DeskView = params.get('view') === 'week' ? 'week' : 'day';
  const dateParam = params.get('date') ?? '';
  const date = isIsoDate(dateParam) ? dateParam : today;
  const serviceId = params.get('service') ?? '';
  const showCancelled = params.get('cancelled') === '1';
  const patientId = params.get('patient') ?? '';
  const packageId = params.get('package') ?? '';
  const asked = (params.get('providers') ?? '').split(',').filter(Boolean);
  const known = asked.filter((id) => providers.some((p) => p.id === id));
  const chosen =
    view === 'week'
      ? [known[0] ?? providers[0]?.id ?? ''].filter(Boolean)
      : known.length
        ? known
        : providers.slice(0, DEFAULT_DAY_PROVIDERS).map((p) => p.id);
  // `chosen` is rebuilt each render; its text is what matters.
  const chosenKey = chosen.join(',');
  const shown = useMemo(
    () => providers.filter((p) => chosenKey.split(',').includes(p.id)),
    [providers, chosenKey],
  );
  const dates = useMemo(
    () => (view === 'day' ? [date] : eachDate(weekStart(date), addDays(weekStart(date), 6))),
    [view, date],
  );

  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [k, v] of Object.entries(changes)) {
            if (v === null || v === '') next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  useEffect(() => {
    if (!patientId) return;
    let current = true;
    bridge.call('patients.get', { id: patientId }).then(
      (p) => current && setForPatient(p),
      () => current && setForPatient(null),
    );
    return () => {
      current = false;
    };
  }, [patientId]);

  const onSlot = useCallback(
    (column: DeskColumn, slot: Slot) => {
      if (!rights.has('appointments.book')) {
        notify('ثبت نوبت به دسترسی «ثبت و جابه‌جایی نوبت» نیاز دارد.', 'warning');
        return;
      }
      setDraft({
        providerId: column.providerId,
        date: slot.date,
        start: slot.start,
        serviceId,
        patient: patientId && forPatient?.id === patientId ? forPatient : null,
        packageId: packageId || undefined,
      });
    },
    [rights, notify, serviceId, patientId, forPatient, packageId],
  );
  const onBooking = useCallback(
    (row: AppointmentRow, anchor: HTMLElement) => setOpen({ row, anchor }),
    [],
  );
  const onPrint = useCallback(
    (c: DeskColumn) => navigate(`/print/day?provider=${c.providerId}&date=${c.date}`),
    [navigate],
  );

  if (loaded && providers.length === 0) {
    return (
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
        <Typography variant="h5" component="h1">
          میز نوبت‌دهی
        </Typography>
        <EmptyState
          icon={<EventNoteIcon color="disabled" sx={{ fontSize: 48 }} />}
          title="هنوز ارائه‌دهنده‌ای تعریف نشده است"
          text="برای نوبت‌دهی، نخست پزشکان و درمانگران را با نقش «ارائه‌دهندهٔ خدمت» در تنظیمات ← کارکنان ثبت کنید و ساعات کاری هر یک را در «ساعات کاری» بگذارید."
          action={
            rights.has('staff.manage') && (
              <Button variant="contained" onClick={() => navigate('/settings/staff')}>
                رفتن به کارکنان
              </Button>
            )
          }
        />
      </Box>
    );
  }

  const step = (direction: -1 | 1) =>
    update({ date: addDays(date, direction * (view === 'day' ? 1 : 7)) });

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          میز نوبت‌دهی
          <Typography
            component="span"
            color="text.secondary"
            sx={{ mx: 1.5, fontSize: 16 }}
            data-testid="desk-date"
          >
            {view === 'day'
              ? longDate(date)
              : `هفتهٔ ${longDate(dates[0]!)} تا ${longDate(dates[6]!)}`}
          </Typography>
        </Typography>
        {rights.has('appointments.checkIn') && (
          <Button
            variant="contained"
            startIcon={<DirectionsWalkIcon />}
            onClick={() => setWalkIn(true)}
          >
            پذیرش بدون نوبت
          </Button>
        )}
      </Box>
      <DeskToolbar
        view={view}
        date={date}
        providers={providers}
        chosen={chosen}
        services={services}
        serviceId={serviceId}
        onView={(v) => update({ view: v === 'day' ? null : v })}
        onDate={(d) => update({ date: d === today ? null : d })}
        onStep={step}
        onToday={() => update({ date: null })}
        onChosen={(ids) => update({ providers: ids.join(',') })}
        onService={(id) => update({ service: id })}
      />
      {patientId && forPatient && (
        <Alert
          severity="info"
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => update({ patient: null, package: null })}
            >
              انصراف
            </Button>
          }
        >
          نوبت برای {forPatient.firstName} {forPatient.lastName}
          {packageId ? ' (جلسه‌ای از بستهٔ او)' : ''}: روی یکی از زمان‌های آزاد بزنید.
        </Alert>
      )}
      <DeskLegend>
        <FormControlLabel
          control={
            <Switch
              size="small"
              checked={showCancelled}
              onChange={(e) => update({ cancelled: e.target.checked ? '1' : null })}
            />
          }
          label="نمایش لغوشده‌ها"
          slotProps={{ typography: { variant: 'body2' } }}
        />
      </DeskLegend>
      {shown.length > 0 && (
        <DeskGrid
          view={view}
          dates={dates}
          providers={shown}
          services={services}
          serviceId={serviceId}
          showCancelled={showCancelled}
          onSlot={onSlot}
          onBooking={onBooking}
          onPrint={onPrint}
        />
      )}
      {loaded && shown.length === 0 && (
        <EmptyState
          title="ارائه‌دهنده‌ای انتخاب نشده است"
          text="از فهرست «ارائه‌دهندگان» یک یا چند نفر را انتخاب کنید."
        />
      )}
      {draft && (
        <BookingDialog
          draft={draft}
          providers={providers}
          services={services}
          onClose={() => setDraft(null)}
          onDone={(saved, patient) => {
            setDraft(null);
            update({ patient: null, package: null });
            notify(
              `نوبت ${patient.firstName} ${patient.lastName} ثبت شد؛ کد پیگیری ${saved.trackingCode}.`,
            );
          }}
        />
      )}
      {walkIn && (
        <WalkInDialog
          providers={providers}
          services={services}
          providerId={chosen[0] ?? ''}
          onClose={() => setWalkIn(false)}
          onDone={(_saved, patient) => {
            setWalkIn(false);
            notify(`${patient.firstName} ${patient.lastName} بدون نوبت پذیرش شد.`);
          }}
        />
      )}
      {open && <BookingPopover row={open.row} anchor={open.anchor} onClose={() => setOpen(null)} />}
    </Box>
  );
}
