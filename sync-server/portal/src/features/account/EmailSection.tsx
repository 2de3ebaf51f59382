/** P1: the email is verified with a code sent to it. */
import { useState, type FormEvent } from 'react';
import { emailVerifySchema, type PortalAccount } from '../../../../../shared/portal/contract';
import { useSession } from '../../app/session';
import { TextField } from '../../components/Field';
import { Alert, FormMessages } from '../../components/Feedback';
import { api } from '../../lib/endpoints';
import { checkForm } from '../../lib/form';
import { useForm } from '../../lib/use-form';

export function EmailSection({ account }: { account: PortalAccount }) {
  const session = useSession();
  const [sent, setSent] = useState(false);
  const form = useForm({ code: '' });

  if (account.emailVerified) {
    return (
      <section className="card">
        <h2>ایمیل</h2>
        <p>
          <span className="ltr">{account.email}</span>{' '}
          <span className="badge badge-ok">تأیید شده</span>
        </p>
      </section>
    );
  }

  const send = () =>
    form.submit(async () => {
      await api.emailCode();
      setSent(true);
    }, []);

  const verify = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      const checked = checkForm(emailVerifySchema, form.values);
      if (checked.error) throw checked.error;
      await api.emailVerify(checked.data);
      await session.refresh();
    });
  };

  return (
    <section className="card stack" aria-labelledby="email-title">
      <h2 id="email-title">تأیید ایمیل</h2>
      <p>
        ایمیل <span className="ltr">{account.email}</span> هنوز تأیید نشده است.
      </p>
      <FormMessages messages={form.messages} />
      {sent ? (
        <form className="form" noValidate aria-label="کد تأیید ایمیل" onSubmit={verify}>
          <Alert tone="info">کد تأیید به ایمیل شما فرستاده شد؛ پوشهٔ هرزنامه را هم ببینید.</Alert>
          <TextField
            label="کد تأیید ایمیل"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            dir="ltr"
            value={form.values.code}
            error={form.fields.code}
            onChange={(e) => form.set('code', e.target.value)}
          />
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={form.busy}>
              تأیید ایمیل
            </button>
            <button
              type="button"
              className="btn btn-ghost"
              disabled={form.busy}
              onClick={() => void send()}
            >
              ارسال دوبارهٔ کد
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="btn btn-primary"
          disabled={form.busy}
          onClick={() => void send()}
        >
          {form.busy ? 'در حال ارسال…' : 'ارسال کد تأیید به ایمیل'}
        </button>
      )}
    </section>
  );
}
