/**
 * One booking with what can be done with it: receipt (print), share, cancel where the center allows
 * it (`canCancel`), and pay while it is held. Used by the booking page and the user area.
 */
import { useState } from 'react';
import type { PortalBooking } from '../../../../../shared/portal/contract';
import { Link } from '../../app/router';
import { to } from '../../app/routes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Alert } from '../../components/Feedback';
import { PAYMENT_LABELS, STATUS_LABELS, statusTone } from '../../lib/booking-status';
import { jalaliLong } from '../../lib/dates';
import { api } from '../../lib/endpoints';
import { asPortalError } from '../../lib/errors';
import { tomanText } from '../../lib/money';
import { timeText } from '../../lib/time';
import { ShareBooking } from './ShareBooking';

export function BookingFacts({ booking: b }: { booking: PortalBooking }) {
  return (
    <dl className="summary">
      <dt>مرکز</dt>
      <dd>{b.centerName}</dd>
      <dt>خدمت</dt>
      <dd>{b.serviceName}</dd>
      <dt>پزشک</dt>
      <dd>{b.providerName}</dd>
      <dt>زمان</dt>
      <dd>
        {jalaliLong(b.date)} ساعت {timeText(b.start)}
      </dd>
      <dt>برای</dt>
      <dd>{b.patientName}</dd>
      <dt>هزینه</dt>
      <dd>
        {tomanText(b.priceRial)}
        {b.payment !== 'not-needed' ? ` (${PAYMENT_LABELS[b.payment]})` : ''}
      </dd>
      <dt>کد پیگیری</dt>
      <dd className="ltr">{b.trackingCode}</dd>
    </dl>
  );
}

export function StatusBadge({ booking }: { booking: PortalBooking }) {
  const tone = statusTone(booking);
  return <span className={`badge badge-${tone}`}>{STATUS_LABELS[booking.status]}</span>;
}

export function BookingActions({
  booking,
  onChanged,
}: {
  booking: PortalBooking;
  onChanged(): void;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const live = booking.status === 'booked' || booking.status === 'checked-in';

  const cancel = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await api.cancel(booking.id);
      setAsking(false);
      onChanged();
    } catch (e) {
      setProblem(asPortalError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack tight">
      {problem && !asking ? <Alert>{problem}</Alert> : null}
      <div className="actions">
        {live || booking.status === 'done' ? (
          <Link className="btn btn-ghost" to={to.receipt(booking.id)}>
            رسید نوبت
          </Link>
        ) : null}
        {booking.canCancel ? (
          <button type="button" className="btn btn-ghost" onClick={() => setAsking(true)}>
            لغو نوبت
          </button>
        ) : null}
      </div>
      {live ? <ShareBooking id={booking.id} booking={booking} /> : null}
      <ConfirmDialog
        open={asking}
        title="نوبت لغو شود؟"
        confirmLabel="بله، لغو شود"
        cancelLabel="نه، بماند"
        danger
        busy={busy}
        onConfirm={() => void cancel()}
        onClose={() => setAsking(false)}
      >
        <p>
          نوبت {booking.serviceName} در {booking.centerName}، {jalaliLong(booking.date)} ساعت{' '}
          {timeText(booking.start)} لغو می‌شود و این زمان به دیگران داده می‌شود.
        </p>
        {booking.payment === 'paid' ? (
          <p className="muted small">بازگرداندن مبلغ پیش‌پرداخت طبق قوانین لغو همان مرکز است.</p>
        ) : null}
        {problem ? <Alert>{problem}</Alert> : null}
      </ConfirmDialog>
    </div>
  );
}
