/**
 * P1–P3 registration in three steps: the mobile gets an SMS code; the code proves it and returns
 * a short-lived ticket; then the person's details, password and consent to the privacy policy.
 */
import { useState, type FormEvent } from 'react';
import {
  registerStartSchema,
  registerVerifyMobileSchema,
} from '../../../../../shared/portal/contract';
import { Link, useLocation } from '../../app/router';
import { to } from '../../app/routes';
import { useSession } from '../../app/session';
import { FormMessages } from '../../components/Feedback';
import { api } from '../../lib/endpoints';
import { checkForm } from '../../lib/form';
import { usePageTitle } from '../../lib/hooks';
import { safeNextPath } from '../../lib/urls';
import { useForm } from '../../lib/use-form';
import { AlreadySignedIn, CodeField, CodeSentNote, MobileField, SubmitButton } from './AuthParts';
import { RegisterDetails } from './RegisterDetails';

type Step =
  | { step: 'mobile' }
  | { step: 'code'; mobile: string; sentAt: number }
  | { step: 'details'; mobile: string; ticket: string };

export function RegisterPage() {
  usePageTitle('ثبت‌نام');
  const session = useSession();
  const { query } = useLocation();
  const next = safeNextPath(query.get('next'));
  const [state, setState] = useState<Step>({ step: 'mobile' });
  const [registering, setRegistering] = useState(false);
  const form = useForm({ mobile: '', code: '' });

  if (session.account && !registering) return <AlreadySignedIn />;

  const sendCode = () =>
    form.submit(
      async () => {
        const checked = checkForm(registerStartSchema, { mobile: form.values.mobile });
        if (checked.error) throw checked.error;
        await api.registerStart(checked.data);
        setState({ step: 'code', mobile: checked.data.mobile, sentAt: Date.now() });
      },
      state.step === 'mobile' ? ['mobile'] : [],
    );

  const verify = (event: FormEvent) => {
    event.preventDefault();
    if (state.step !== 'code') return;
    void form.submit(async () => {
      const checked = checkForm(registerVerifyMobileSchema, {
        mobile: state.mobile,
        code: form.values.code,
      });
      if (checked.error) throw checked.error;
      const { ticket } = await api.registerVerifyMobile(checked.data);
      setState({ step: 'details', mobile: state.mobile, ticket });
    }, ['code']);
  };

  return (
    <div className="card stack narrow">
      <h1>ثبت‌نام</h1>
      <p className="muted small" aria-live="polite">
        مرحلهٔ {state.step === 'mobile' ? '۱' : state.step === 'code' ? '۲' : '۳'} از ۳
      </p>
      {state.step === 'mobile' ? (
        <form
          className="form"
          noValidate
          aria-label="شمارهٔ همراه"
          onSubmit={(e) => {
            e.preventDefault();
            void sendCode();
          }}
        >
          <p className="muted">برای ثبت‌نام، شمارهٔ همراه خود را وارد کنید تا کد تأیید پیامک شود.</p>
          <FormMessages messages={form.messages} />
          <MobileField
            value={form.values.mobile}
            error={form.fields.mobile}
            onChange={(v) => form.set('mobile', v)}
          />
          <SubmitButton busy={form.busy}>دریافت کد تأیید</SubmitButton>
        </form>
      ) : state.step === 'code' ? (
        <form className="form" noValidate aria-label="کد تأیید" onSubmit={verify}>
          <CodeSentNote
            mobile={state.mobile}
            sentAt={state.sentAt}
            busy={form.busy}
            onResend={() => void sendCode()}
            onChangeMobile={() => setState({ step: 'mobile' })}
          />
          <FormMessages messages={form.messages} />
          <CodeField
            value={form.values.code}
            error={form.fields.code}
            onChange={(v) => form.set('code', v)}
          />
          <SubmitButton busy={form.busy}>تأیید شماره</SubmitButton>
        </form>
      ) : (
        <RegisterDetails
          mobile={state.mobile}
          ticket={state.ticket}
          next={next}
          onRegistering={setRegistering}
          onRestart={() => setState({ step: 'mobile' })}
        />
      )}
      <p className="muted">
        حساب دارید؟ <Link to={to.login(query.get('next') ?? undefined)}>وارد شوید</Link>
      </p>
    </div>
  );
}
