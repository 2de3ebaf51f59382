/**
 * P5: a held booking waits for online payment. The time left counts down; «پرداخت» asks the server
 * for the gateway's address and leaves for it. No card data ever passes through the portal.
 */
import { useEffect, useState } from 'react';
import type { PortalBooking } from '../../../../../shared/portal/contract';
import { Alert } from '../../components/Feedback';
import { canPay, countdownText, holdLeftMs } from '../../lib/booking-status';
import { api } from '../../lib/endpoints';
import { asPortalError } from '../../lib/errors';
import { useNow } from '../../lib/hooks';
import { tomanText } from '../../lib/money';

export function PayPanel({ booking, onExpired }: { booking: PortalBooking; onExpired(): void }) {
  const now = useNow();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const left = holdLeftMs(booking.holdUntil, now);
  const payable = canPay(booking, now);

  // When the hold runs out, ask the server what became of the booking.
  useEffect(() => {
    if (left > 0) return undefined;
    const timer = window.setTimeout(onExpired, 1500);
    return () => window.clearTimeout(timer);
  }, [left, onExpired]);

  const pay = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const url = await api.pay(booking.id);
      if (!url) throw new Error('no gateway address');
      location.assign(url);
    } catch (e) {
      setProblem(
        e instanceof Error && e.message === 'no gateway address'
          ? 'درگاه پرداخت پاسخ درستی نداد؛ چند لحظه بعد دوباره تلاش کنید.'
          : asPortalError(e).message,
      );
      setBusy(false);
    }
  };

  if (!payable) {
    return (
      <Alert tone="warn" title="مهلت پرداخت تمام شد">
        این نوبت دیگر برای شما نگه داشته نمی‌شود. می‌توانید دوباره نوبت بگیرید.
      </Alert>
    );
  }
  return (
    <div className="card stack" data-testid="pay-panel">
      {booking.payment === 'failed' ? (
        <Alert>پرداخت قبلی انجام نشد. اگر مبلغی از حسابتان کم شده، طی ۷۲ ساعت برمی‌گردد.</Alert>
      ) : null}
      <p>
        این نوبت تا پایان زمان زیر برای شما نگه داشته می‌شود. مبلغ پیش‌پرداخت:{' '}
        <strong>{tomanText(booking.priceRial)}</strong>
      </p>
      <p className="countdown" role="timer" aria-label="زمان باقی‌مانده برای پرداخت">
        {countdownText(left)}
      </p>
      {problem ? <Alert>{problem}</Alert> : null}
      <button
        type="button"
        className="btn btn-primary btn-block"
        disabled={busy}
        onClick={() => void pay()}
      >
        {busy ? 'در حال رفتن به درگاه…' : 'پرداخت آنلاین'}
      </button>
      <p className="muted small">
        پرداخت در درگاه بانکی انجام می‌شود و اطلاعات کارت شما نزد ما نمی‌ماند.
      </p>
    </div>
  );
}
