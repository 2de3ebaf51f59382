/** A booking just made or opened from the user area: its state, payment while held, actions. */
import { Link, useLocation } from '../../app/router';
import { to } from '../../app/routes';
import { Alert, ErrorState, Loading } from '../../components/Feedback';
import { api } from '../../lib/endpoints';
import { useLoad, usePageTitle } from '../../lib/hooks';
import { BookingActions, BookingFacts, StatusBadge } from './BookingCard';
import { PayPanel } from './PayPanel';

export function BookingStatusPage() {
  usePageTitle('نوبت من');
  const { params, href } = useLocation();
  const id = params.id ?? '';
  const booking = useLoad(`booking:${id}`, () => api.booking(id));

  if (booking.error && !booking.data) {
    return <ErrorState error={booking.error} onRetry={booking.reload} next={href} />;
  }
  if (!booking.data) return <Loading />;
  const b = booking.data;

  return (
    <div className="stack narrow">
      <div className="spread">
        <h1>نوبت {b.serviceName}</h1>
        <StatusBadge booking={b} />
      </div>
      {b.status === 'booked' ? (
        <Alert tone="ok" title="نوبت شما ثبت شد">
          کد پیگیری را هنگام مراجعه همراه داشته باشید؛ رسید را می‌توانید چاپ کنید یا بفرستید.
        </Alert>
      ) : null}
      {b.status === 'conflict' ? (
        <Alert tone="warn" title="این نوبت در انتظار بررسی مرکز است">
          هم‌زمان نوبت دیگری برای همین زمان ثبت شد. مرکز به‌زودی با شما تماس می‌گیرد.
        </Alert>
      ) : null}
      {b.status === 'held' ? <PayPanel booking={b} onExpired={booking.reload} /> : null}
      <section className="card stack">
        <BookingFacts booking={b} />
        <BookingActions booking={b} onChanged={booking.reload} />
      </section>
      <div className="row">
        <Link to={to.account()}>همهٔ نوبت‌های من</Link>
        <Link to={to.center(b.centerId)}>نوبت دیگری در همین مرکز</Link>
      </div>
    </div>
  );
}
