/** Own bookings, upcoming first (soonest on top), then past ones (latest on top). */
import type { PortalBooking } from '../../../../../shared/portal/contract';
import { Link } from '../../app/router';
import { to } from '../../app/routes';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { jalaliLong, splitBookings } from '../../lib/dates';
import { api } from '../../lib/endpoints';
import { useLoad, useNow } from '../../lib/hooks';
import { timeText } from '../../lib/time';
import { BookingActions, StatusBadge } from '../booking/BookingCard';

function BookingItem({ booking: b, onChanged }: { booking: PortalBooking; onChanged(): void }) {
  return (
    <li className="card stack" data-testid="booking-item" data-booking={b.id}>
      <div className="spread">
        <strong>
          {b.serviceName} — {b.centerName}
        </strong>
        <StatusBadge booking={b} />
      </div>
      <p>
        {jalaliLong(b.date)} ساعت {timeText(b.start)} · {b.providerName}
      </p>
      <p className="muted small">
        برای {b.patientName} · کد پیگیری <span className="ltr">{b.trackingCode}</span>
      </p>
      <div className="row">
        <Link to={to.booking(b.id)}>{b.status === 'held' ? 'پرداخت و جزئیات' : 'جزئیات'}</Link>
      </div>
      <BookingActions booking={b} onChanged={onChanged} />
    </li>
  );
}

export function BookingsTab() {
  const bookings = useLoad('bookings', () => api.bookings());
  const now = useNow(60_000);
  if (bookings.error && !bookings.data) {
    return <ErrorState error={bookings.error} onRetry={bookings.reload} />;
  }
  if (!bookings.data) return <Loading />;
  if (bookings.data.length === 0) {
    return (
      <EmptyState
        title="هنوز نوبتی نگرفته‌اید"
        action={
          <Link className="btn btn-primary" to={to.home}>
            پیدا کردن مرکز و گرفتن نوبت
          </Link>
        }
      >
        <p>نوبت‌هایی که از این سایت می‌گیرید، برای خودتان یا دیگران، اینجا دیده می‌شوند.</p>
      </EmptyState>
    );
  }
  const { upcoming, past } = splitBookings(bookings.data, now);

  return (
    <div className="stack">
      <section className="stack" aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">نوبت‌های پیش رو</h2>
        {upcoming.length === 0 ? (
          <p className="muted">
            نوبت پیش رویی ندارید. <Link to={to.home}>نوبت تازه بگیرید</Link>
          </p>
        ) : (
          <ul className="list">
            {upcoming.map((b) => (
              <BookingItem key={b.id} booking={b} onChanged={bookings.reload} />
            ))}
          </ul>
        )}
      </section>
      {past.length > 0 ? (
        <section className="stack" aria-labelledby="past-title">
          <h2 id="past-title">نوبت‌های گذشته و لغوشده</h2>
          <ul className="list">
            {past.map((b) => (
              <BookingItem key={b.id} booking={b} onChanged={bookings.reload} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
