/** The free times of a provider for a service over the next 30 days, picked by day then time. */
import { useState } from 'react';
import { addDays } from '../../../../../shared/scheduling/day-math';
import { todayInTehran } from '../../../../../shared/time/dates';
import { Alert, EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { shownDate, slotsByDate, type Choice } from '../../lib/booking';
import { bookingDays, BOOKING_DAYS, jalaliLong } from '../../lib/dates';
import { api } from '../../lib/endpoints';
import { useLoad } from '../../lib/hooks';
import { DayChoice, SlotChoice } from './Choices';

export function SlotSection({
  centerId,
  serviceId,
  providerId,
  version,
  date,
  start,
  onChange,
}: {
  centerId: string;
  serviceId: string;
  providerId: string;
  /** Bumped to load again (after a booking lost its time to someone else). */
  version: number;
  date: string;
  start: number | null;
  onChange(change: Partial<Choice>): void;
}) {
  const [today] = useState(() => todayInTehran());
  const days = bookingDays(today);
  const range = { providerId, serviceId, from: today, to: addDays(today, BOOKING_DAYS - 1) };
  const slots = useLoad(`slots:${centerId}:${serviceId}:${providerId}:${today}:${version}`, () =>
    api.slots(centerId, range),
  );

  let body;
  if (slots.error && !slots.data) {
    body = <ErrorState error={slots.error} onRetry={slots.reload} />;
  } else if (!slots.data) {
    body = <Loading label="در حال یافتن نوبت‌های خالی…" />;
  } else if (slots.data.length === 0) {
    body = (
      <EmptyState title="در ۳۰ روز آینده نوبت خالی نیست">
        <p>پزشک یا خدمت دیگری را امتحان کنید، یا برای نوبت‌های بعدی با مرکز تماس بگیرید.</p>
      </EmptyState>
    );
  } else {
    const byDate = slotsByDate(slots.data);
    const day = shownDate(days, byDate, date);
    const daySlots = byDate.get(day) ?? [];
    const taken = start !== null && date === day && !daySlots.some((s) => s.start === start);
    body = (
      <>
        <DayChoice
          days={days}
          byDate={byDate}
          value={day}
          onChange={(d) => onChange({ date: d })}
        />
        <h3>{jalaliLong(day)}</h3>
        {taken ? (
          <Alert tone="warn">
            ساعتی که انتخاب کرده بودید دیگر خالی نیست؛ ساعت دیگری را انتخاب کنید.
          </Alert>
        ) : null}
        <SlotChoice
          slots={daySlots}
          value={date === day ? start : null}
          onChange={(s) => onChange({ date: day, start: s })}
        />
      </>
    );
  }

  return (
    <section className="card stack" aria-labelledby="slots-title" aria-busy={slots.loading}>
      <h2 id="slots-title" className="step-title">
        روز و ساعت
      </h2>
      {body}
    </section>
  );
}
