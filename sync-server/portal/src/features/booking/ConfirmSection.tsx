/** The last step: what is being booked, the prepayment note (P5), and the button. */
import type { CenterPage } from '../../../../../shared/portal/contract';
import { bookSchema, PAYMENT_HOLD_MINUTES } from '../../../../../shared/portal/contract';
import { navigate } from '../../app/router';
import { to } from '../../app/routes';
import { Alert, FormMessages } from '../../components/Feedback';
import type { Provider, Service } from '../../lib/booking';
import { api } from '../../lib/endpoints';
import { checkForm } from '../../lib/form';
import { useForm } from '../../lib/use-form';
import { BookingSummary } from './Choices';

export function ConfirmSection({
  center,
  service,
  provider,
  date,
  start,
  personId,
  forWhom,
  onLost,
}: {
  center: CenterPage;
  service: Service;
  provider: Provider;
  date: string;
  start: number;
  personId: string;
  forWhom: string;
  /** The time went to someone else meanwhile: the slots are loaded again. */
  onLost(): void;
}) {
  const form = useForm({});
  const confirm = () =>
    form.submit(async () => {
      const checked = checkForm(bookSchema, {
        centerId: center.id,
        providerId: provider.id,
        serviceId: service.id,
        date,
        start,
        personId,
      });
      if (checked.error) throw checked.error;
      try {
        const booking = await api.book(checked.data);
        navigate(to.booking(booking.id));
      } catch (e) {
        onLost();
        throw e;
      }
    });

  return (
    <section className="card stack" aria-labelledby="confirm-title">
      <h2 id="confirm-title" className="step-title">
        تأیید نوبت
      </h2>
      <BookingSummary
        center={center}
        service={service}
        provider={provider}
        date={date}
        start={start}
        forWhom={forWhom}
      />
      {service.prepaymentRequired ? (
        <Alert tone="info">
          این خدمت پیش‌پرداخت آنلاین دارد. پس از ثبت، نوبت{' '}
          {PAYMENT_HOLD_MINUTES.toLocaleString('fa-IR')} دقیقه برایتان نگه داشته می‌شود تا پرداخت
          کنید؛ نوبت پس از تأیید پرداخت قطعی می‌شود.
        </Alert>
      ) : null}
      <FormMessages messages={form.messages} />
      <button
        type="button"
        className="btn btn-primary btn-block"
        disabled={form.busy}
        onClick={() => void confirm()}
      >
        {form.busy ? 'در حال ثبت…' : service.prepaymentRequired ? 'ثبت و پرداخت' : 'ثبت نوبت'}
      </button>
    </section>
  );
}
