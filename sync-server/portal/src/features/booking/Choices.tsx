/** The booking page's choosers: service, provider, day and time. */
import type { CenterPage } from '../../../../../shared/portal/contract';
import type { FreeSlot } from '../../lib/endpoints';
import type { Provider, Service } from '../../lib/booking';
import { dayLabel, jalaliLong } from '../../lib/dates';
import { tomanText } from '../../lib/money';
import { timeText } from '../../lib/time';

export function ServiceChoice({
  services,
  value,
  onChange,
}: {
  services: readonly Service[];
  value: string;
  onChange(id: string): void;
}) {
  return (
    <fieldset className="field">
      <legend className="field-label step-title">خدمت</legend>
      <div className="stack tight list">
        {services.map((s) => (
          <label key={s.id} className="choice">
            <input
              type="radio"
              name="service"
              value={s.id}
              checked={value === s.id}
              onChange={() => onChange(s.id)}
            />
            <span className="choice-body">
              <strong>{s.name}</strong>
              <span className="muted small">
                {s.departmentName ? `${s.departmentName} · ` : ''}
                {s.durationMin.toLocaleString('fa-IR')} دقیقه
                {s.prepaymentRequired ? ' · پیش‌پرداخت آنلاین' : ''}
              </span>
            </span>
            <span className="price">{tomanText(s.priceRial)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function ProviderChoice({
  providers,
  value,
  onChange,
}: {
  providers: readonly Provider[];
  value: string;
  onChange(id: string): void;
}) {
  return (
    <fieldset className="field">
      <legend className="field-label step-title">پزشک یا درمانگر</legend>
      <div className="stack tight list">
        {providers.map((p) => (
          <label key={p.id} className="choice">
            <input
              type="radio"
              name="provider"
              value={p.id}
              checked={value === p.id}
              onChange={() => onChange(p.id)}
            />
            <span className="choice-body">
              <strong>{p.name}</strong>
              {p.specialty ? <span className="muted small">{p.specialty}</span> : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function DayChoice({
  days,
  byDate,
  value,
  onChange,
}: {
  days: readonly string[];
  byDate: Map<string, FreeSlot[]>;
  value: string;
  onChange(date: string): void;
}) {
  return (
    <div className="day-strip" role="group" aria-label="روز نوبت">
      {days.map((day) => {
        const label = dayLabel(day);
        const count = byDate.get(day)?.length ?? 0;
        return (
          <button
            key={day}
            type="button"
            className="day-btn"
            aria-pressed={value === day}
            aria-label={`${jalaliLong(day)}، ${count > 0 ? `${count.toLocaleString('fa-IR')} نوبت خالی` : 'بدون نوبت خالی'}`}
            disabled={count === 0}
            onClick={() => onChange(day)}
            data-date={day}
          >
            <span className="small">{label.weekday}</span>
            <span className="day-num">{label.day}</span>
            <span className="small">{label.month}</span>
            <span className="day-note">
              {count > 0 ? `${count.toLocaleString('fa-IR')} نوبت` : 'بدون نوبت'}
            </span>
          </button>
        );
      })}
    </div>
  );
}

export function SlotChoice({
  slots,
  value,
  onChange,
}: {
  slots: readonly FreeSlot[];
  value: number | null;
  onChange(start: number): void;
}) {
  return (
    <div className="slot-grid" role="group" aria-label="ساعت نوبت">
      {slots.map((slot) => (
        <button
          key={slot.start}
          type="button"
          className="slot-btn"
          aria-pressed={value === slot.start}
          aria-label={`ساعت ${timeText(slot.start)}`}
          onClick={() => onChange(slot.start)}
        >
          {timeText(slot.start)}
        </button>
      ))}
    </div>
  );
}

export function BookingSummary({
  center,
  service,
  provider,
  date,
  start,
  forWhom,
}: {
  center: CenterPage;
  service: Service;
  provider: Provider;
  date: string;
  start: number;
  forWhom: string;
}) {
  return (
    <dl className="summary">
      <dt>مرکز</dt>
      <dd>{center.name}</dd>
      <dt>خدمت</dt>
      <dd>{service.name}</dd>
      <dt>پزشک</dt>
      <dd>{provider.name}</dd>
      <dt>زمان</dt>
      <dd>
        {jalaliLong(date)} ساعت {timeText(start)}
      </dd>
      <dt>برای</dt>
      <dd>{forWhom}</dd>
      <dt>هزینه</dt>
      <dd>{tomanText(service.priceRial)}</dd>
    </dl>
  );
}
