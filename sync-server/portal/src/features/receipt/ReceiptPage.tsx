/** P9: what the clinic checks on arrival; printable (print CSS hides everything else). */
import { maskNationalId, mobileLocal } from '../../../../../shared/text/identity';
import { Link, useLocation } from '../../app/router';
import { to } from '../../app/routes';
import { ErrorState, Loading } from '../../components/Feedback';
import { PAYMENT_LABELS, STATUS_LABELS } from '../../lib/booking-status';
import { jalaliLong } from '../../lib/dates';
import { api } from '../../lib/endpoints';
import { useLoad, usePageTitle } from '../../lib/hooks';
import { timeText } from '../../lib/time';
import { ShareBooking } from '../booking/ShareBooking';

export function ReceiptPage() {
  const { params, href } = useLocation();
  const id = params.id ?? '';
  const receipt = useLoad(`receipt:${id}`, () => api.receipt(id));
  usePageTitle(receipt.data ? `رسید نوبت ${receipt.data.trackingCode}` : 'رسید نوبت');

  if (receipt.error && !receipt.data) {
    return <ErrorState error={receipt.error} onRetry={receipt.reload} next={href} />;
  }
  if (!receipt.data) return <Loading />;
  const r = receipt.data;

  return (
    <div className="stack narrow">
      <article className="card stack" aria-labelledby="receipt-title" data-testid="receipt">
        <div className="spread">
          <h1 id="receipt-title">رسید نوبت</h1>
          <span className="muted small">{r.centerName}</span>
        </div>
        <div>
          <span className="muted small">کد پیگیری</span>
          <p className="tracking" data-testid="tracking-code">
            {r.trackingCode}
          </p>
        </div>
        <dl className="summary">
          <dt>نام</dt>
          <dd>{r.patientName}</dd>
          <dt>کد ملی</dt>
          <dd className="ltr">{maskNationalId(r.maskedNationalId)}</dd>
          <dt>شمارهٔ همراه</dt>
          <dd className="ltr">{mobileLocal(r.mobile)}</dd>
          <dt>مرکز</dt>
          <dd>{r.centerName}</dd>
          {r.centerAddress ? (
            <>
              <dt>نشانی</dt>
              <dd>{r.centerAddress}</dd>
            </>
          ) : null}
          <dt>پزشک</dt>
          <dd>{r.providerName}</dd>
          <dt>خدمت</dt>
          <dd>{r.serviceName}</dd>
          <dt>زمان</dt>
          <dd>
            {jalaliLong(r.date)} ساعت {timeText(r.start)}
          </dd>
          <dt>وضعیت نوبت</dt>
          <dd>{STATUS_LABELS[r.status]}</dd>
          <dt>پرداخت</dt>
          <dd>{PAYMENT_LABELS[r.paymentStatus]}</dd>
          {r.paymentReference ? (
            <>
              <dt>شمارهٔ پیگیری پرداخت</dt>
              <dd className="ltr">{r.paymentReference}</dd>
            </>
          ) : null}
        </dl>
        <p className="muted small">
          این رسید را هنگام مراجعه نشان دهید؛ مرکز نام، کد ملی و شمارهٔ همراه را با آن تطبیق می‌دهد.
        </p>
      </article>
      <div className="actions no-print">
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          چاپ رسید
        </button>
        <Link className="btn btn-ghost" to={to.booking(id)}>
          بازگشت به نوبت
        </Link>
      </div>
      <div className="no-print">
        <ShareBooking id={id} booking={r} />
      </div>
    </div>
  );
}
