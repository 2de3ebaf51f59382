/**
 * Where the gateway sends the patient back: `/payment/result?booking=…&status=…`. The address's
 * `status` is only a hint; the booking as the server verified it decides what is shown (P5).
 * While the server is still verifying, the page asks again a few times.
 */
import { useEffect, useState } from 'react';
import { Link, useLocation } from '../../app/router';
import { to } from '../../app/routes';
import { Alert, EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { api } from '../../lib/endpoints';
import { useLoad, usePageTitle } from '../../lib/hooks';
import { BookingFacts } from './BookingCard';
import { PayPanel } from './PayPanel';

const POLL_MS = 3000;
const MAX_POLLS = 10;

export function PaymentResultPage() {
  usePageTitle('نتیجهٔ پرداخت');
  const { query, href } = useLocation();
  const id = query.get('booking') ?? '';
  const hint = query.get('status') ?? '';
  const [polls, setPolls] = useState(0);
  const booking = useLoad(id ? `booking:${id}:${polls}` : null, () => api.booking(id));
  const pending = booking.data?.payment === 'pending' && booking.data.status === 'held';

  useEffect(() => {
    if (!pending || booking.loading || polls >= MAX_POLLS) return undefined;
    const timer = window.setTimeout(() => setPolls((n) => n + 1), POLL_MS);
    return () => window.clearTimeout(timer);
  }, [pending, booking.loading, polls]);

  if (!id) {
    return (
      <EmptyState
        title="نوبتی برای این پرداخت مشخص نیست"
        action={
          <Link className="btn btn-primary" to={to.account()}>
            نوبت‌های من
          </Link>
        }
      />
    );
  }
  if (booking.error && !booking.data) {
    return <ErrorState error={booking.error} onRetry={booking.reload} next={href} />;
  }
  if (!booking.data) return <Loading label="در حال بررسی نتیجهٔ پرداخت…" />;
  const b = booking.data;
  const paid = b.payment === 'paid';

  return (
    <div className="stack narrow" data-testid="payment-result" data-payment={b.payment}>
      <h1>نتیجهٔ پرداخت</h1>
      {paid ? (
        <Alert tone="ok" title="پرداخت موفق بود">
          نوبت شما قطعی شد. کد پیگیری: <span className="ltr">{b.trackingCode}</span>
        </Alert>
      ) : pending && polls < MAX_POLLS ? (
        <Loading label="پرداخت در حال تأیید بانک است…" />
      ) : pending ? (
        <Alert tone="warn" title="تأیید پرداخت هنوز نرسیده است">
          چند دقیقهٔ دیگر وضعیت نوبت را در «نوبت‌های من» ببینید. اگر مبلغی کم شده و نوبت قطعی نشد، طی
          ۷۲ ساعت به حسابتان برمی‌گردد.
        </Alert>
      ) : (
        <Alert title="پرداخت انجام نشد">
          {b.payment === 'expired'
            ? 'مهلت پرداخت این نوبت تمام شد و نوبت آزاد شد.'
            : hint === 'cancelled' || hint === 'canceled'
              ? 'پرداخت را لغو کردید.'
              : 'بانک پرداخت را تأیید نکرد.'}{' '}
          اگر مبلغی از حسابتان کم شده، طی ۷۲ ساعت برمی‌گردد.
        </Alert>
      )}
      {b.status === 'held' && !pending ? <PayPanel booking={b} onExpired={booking.reload} /> : null}
      <section className="card">
        <BookingFacts booking={b} />
      </section>
      <div className="actions">
        {paid ? (
          <Link className="btn btn-primary" to={to.receipt(b.id)}>
            رسید نوبت
          </Link>
        ) : (
          <Link className="btn btn-ghost" to={to.center(b.centerId)}>
            گرفتن نوبت دیگر
          </Link>
        )}
        <Link className="btn btn-ghost" to={to.account()}>
          نوبت‌های من
        </Link>
      </div>
    </div>
  );
}
