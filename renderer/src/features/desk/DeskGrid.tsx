import { useEffect, useMemo, useRef } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import type { AppointmentRow } from '../../../../shared/api/appointments';
import type { StaffView } from '../../../../shared/api/setup';
import { staffFullName } from '../../../../shared/domain/staff';
import type { Slot } from '../../../../shared/scheduling/slots';
import { formatJalali, todayInTehran } from '../../../../shared/time/dates';
import { useCall } from '../../hooks/use-call';
import { useFreeSlots } from '../../hooks/use-free-slots';
import { servicesOf } from '../../hooks/use-people';
import type { CatalogItem } from '../../../../shared/domain/catalog';
import { faNumber } from '../../lib/format';
import { timeRange } from '../../lib/appointments';
import { DEFAULT_DURATION_MIN } from '../appointments/BookingDialog';
import { PX_PER_MIN, visibleRange } from './desk-layout';
import { TimeGrid, type DeskColumn } from './TimeGrid';

const MAX_BOOKINGS = 500;
const NO_BOOKINGS: AppointmentRow[] = [];

function blocksText(blocks: { start: number; end: number }[]): string {
  return blocks.map((b) => timeRange(b.start, b.end)).join('، ');
}

/**
 * The data behind the grid for the dates and providers shown: working days (calendar.days), the
 * bookings of those days, and free slots for the chosen service.
 */
export function DeskGrid({
  view,
  dates,
  providers,
  services,
  serviceId,
  showCancelled,
  onSlot,
  onBooking,
  onPrint,
}: {
  view: 'day' | 'week';
  dates: string[];
  providers: StaffView[];
  services: CatalogItem[];
  serviceId: string;
  showCancelled: boolean;
  onSlot(column: DeskColumn, slot: Slot): void;
  onBooking(row: AppointmentRow, anchor: HTMLElement): void;
  onPrint(column: DeskColumn): void;
}) {
  const from = dates[0]!;
  const to = dates[dates.length - 1]!;
  const providerIds = useMemo(() => providers.map((p) => p.id), [providers]);
  const calendar = useCall('calendar.days', { providerIds, from, to }, [
    'schedules',
    'center',
    'staff',
  ]);
  const list = useCall(
    'appointments.list',
    {
      from,
      to,
      ...(view === 'week' ? { providerId: providerIds[0] } : {}),
      limit: MAX_BOOKINGS,
      sort: 'time-asc',
    },
    ['appointments', 'patients', 'catalog'],
  );
  const service = services.find((s) => s.id === serviceId);
  const offering = useMemo(
    () =>
      providers
        .filter((p) => !service || servicesOf(p, services).some((s) => s.id === service.id))
        .map((p) => p.id),
    [providers, service, services],
  );
  const free = useFreeSlots(
    offering.length
      ? { providerIds: offering, from, to, serviceId, durationMin: DEFAULT_DURATION_MIN }
      : null,
  );
  const today = todayInTehran();

  const columns = useMemo<DeskColumn[]>(() => {
    const plans = new Map(
      (calendar.data?.providers ?? []).map((p) => [
        p.providerId,
        new Map(p.days.map((d) => [d.date, d])),
      ]),
    );
    // Bookings by provider and day, once, so each column takes its own without scanning them all.
    const byCell = new Map<string, AppointmentRow[]>();
    for (const r of list.data?.items ?? []) {
      if (!showCancelled && r.status === 'cancelled') continue;
      const key = `${r.providerId}|${r.date}`;
      byCell.set(key, [...(byCell.get(key) ?? []), r]);
    }
    const cells: DeskColumn[] = [];
    for (const provider of providers) {
      for (const date of dates) {
        const plan = plans.get(provider.id)?.get(date);
        const slots = free?.byProvider.get(provider.id);
        const name = staffFullName(provider);
        // A closed day says why in its column, in full; the header keeps to working hours.
        const hours = plan && !plan.closed ? blocksText(plan.blocks) : '';
        cells.push({
          key: `${provider.id}|${date}`,
          providerId: provider.id,
          providerName: name,
          date,
          title: view === 'day' ? name : formatJalali(date, 'EEEE'),
          subtitle: view === 'day' ? provider.specialty : formatJalali(date, 'd MMMM'),
          detail: hours,
          plan,
          bookings: byCell.get(`${provider.id}|${date}`) ?? NO_BOOKINGS,
          slots: plan?.closed ? [] : (slots?.slots.filter((s) => s.date === date) ?? []),
          slotHeightMin: slots ? Math.min(slots.stepMin, slots.durationMin) : DEFAULT_DURATION_MIN,
          today: date === today,
        });
      }
    }
    return cells;
  }, [calendar.data, list.data, free, providers, dates, view, showCancelled, today]);

  const range = useMemo(
    () => visibleRange(columns.flatMap((c) => [...(c.plan?.blocks ?? []), ...c.bookings])),
    [columns],
  );

  // Scroll to the first working hour once per day/week shown (not on every refresh).
  const scroller = useRef<HTMLDivElement | null>(null);
  const scrolledFor = useRef('');
  const firstWork = Math.min(...columns.flatMap((c) => c.plan?.blocks.map((b) => b.start) ?? []));
  const scrollKey = `${view}|${from}|${calendar.data ? 'ready' : ''}`;
  useEffect(() => {
    if (!calendar.data || scrolledFor.current === scrollKey || !scroller.current) return;
    scrolledFor.current = scrollKey;
    const minute = Number.isFinite(firstWork) ? firstWork - 30 : range.start;
    scroller.current.scrollTop = Math.max(0, (minute - range.start) * PX_PER_MIN);
  }, [calendar.data, scrollKey, firstWork, range.start]);

  const error = calendar.error ?? list.error;
  const total = list.data?.total ?? 0;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      {error && <Alert severity="error">{error.message}</Alert>}
      {free?.errors.map((e) => (
        <Alert key={e} severity="warning">
          {e}
        </Alert>
      ))}
      {total > MAX_BOOKINGS && (
        <Alert severity="warning">
          {faNumber.format(total)} نوبت در این بازه است و {faNumber.format(MAX_BOOKINGS)} تای نخست
          نشان داده شده است؛ ارائه‌دهندگان کمتری انتخاب کنید.
        </Alert>
      )}
      <Paper variant="outlined" sx={{ position: 'relative', overflow: 'hidden' }}>
        {(calendar.loading || list.loading) && (
          <LinearProgress sx={{ position: 'absolute', top: 0, insetInline: 0, zIndex: 5 }} />
        )}
        <Box
          ref={scroller}
          data-testid="desk-scroller"
          sx={{ height: 'calc(100vh - 252px)', minHeight: 420, overflow: 'auto' }}
        >
          <TimeGrid
            columns={columns}
            range={range}
            onSlot={onSlot}
            onBooking={onBooking}
            onPrint={onPrint}
          />
        </Box>
      </Paper>
    </Box>
  );
}
