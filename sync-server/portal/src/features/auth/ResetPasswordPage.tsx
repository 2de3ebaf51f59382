/** P7: forgotten password: the mobile gets an SMS code, then a new password is set with it. */
import { useState, type FormEvent } from 'react';
import { resetFinishSchema, resetStartSchema } from '../../../../../shared/portal/contract';
import { Link, navigate } from '../../app/router';
import { to } from '../../app/routes';
import { useSession } from '../../app/session';
import { Alert, FormMessages } from '../../components/Feedback';
import { api } from '../../lib/endpoints';
import { checkForm, withFieldProblems } from '../../lib/form';
import { usePageTitle } from '../../lib/hooks';
import { useForm } from '../../lib/use-form';
import { CodeField, CodeSentNote, MobileField, PasswordField, SubmitButton } from './AuthParts';

const REPEAT_MISMATCH = 'تکرار گذرواژه با خود آن یکی نیست.';

export function ResetPasswordPage() {
  usePageTitle('بازیابی گذرواژه');
  const session = useSession();
  /** The canonical mobile the code went to, and when. */
  const [sent, setSent] = useState<{ mobile: string; at: number } | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm({ mobile: '', code: '', password: '', repeat: '' });

  const sendCode = () =>
    form.submit(
      async () => {
        const checked = checkForm(resetStartSchema, { mobile: form.values.mobile });
        if (checked.error) throw checked.error;
        await api.resetStart(checked.data);
        setSent({ mobile: checked.data.mobile, at: Date.now() });
      },
      sent ? [] : ['mobile'],
    );

  const finish = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      const { code, password, repeat } = form.values;
      const checked = checkForm(resetFinishSchema, { mobile: sent?.mobile ?? '', code, password });
      const error = withFieldProblems(checked.error ?? null, {
        repeat: repeat === password ? null : REPEAT_MISMATCH,
      });
      if (error) throw error;
      if (checked.data) await api.resetFinish(checked.data);
      const account = await session.refresh().catch(() => null);
      if (account) navigate(to.account(), { replace: true });
      else setDone(true);
    }, ['code', 'password', 'repeat']);
  };

  if (done) {
    return (
      <div className="card stack narrow">
        <h1>گذرواژه تغییر کرد</h1>
        <Alert tone="ok">اکنون با گذرواژهٔ تازه وارد شوید.</Alert>
        <Link className="btn btn-primary" to={to.login()}>
          ورود
        </Link>
      </div>
    );
  }

  return (
    <div className="card stack narrow">
      <h1>بازیابی گذرواژه</h1>
      {sent === null ? (
        <form
          className="form"
          noValidate
          aria-label="دریافت کد بازیابی"
          onSubmit={(e) => {
            e.preventDefault();
            void sendCode();
          }}
        >
          <p className="muted">شمارهٔ همراه حساب خود را وارد کنید تا کد تأیید برایتان پیامک شود.</p>
          <FormMessages messages={form.messages} />
          <MobileField
            value={form.values.mobile}
            error={form.fields.mobile}
            onChange={(v) => form.set('mobile', v)}
          />
          <SubmitButton busy={form.busy}>دریافت کد</SubmitButton>
        </form>
      ) : (
        <form className="form" noValidate aria-label="گذرواژهٔ تازه" onSubmit={finish}>
          <CodeSentNote
            mobile={sent.mobile}
            sentAt={sent.at}
            busy={form.busy}
            onResend={() => void sendCode()}
            onChangeMobile={() => setSent(null)}
          />
          <FormMessages messages={form.messages} />
          <CodeField
            value={form.values.code}
            error={form.fields.code}
            onChange={(v) => form.set('code', v)}
          />
          <PasswordField
            label="گذرواژهٔ تازه"
            isNew
            value={form.values.password}
            error={form.fields.password}
            onChange={(v) => form.set('password', v)}
          />
          <PasswordField
            label="تکرار گذرواژهٔ تازه"
            name="repeat"
            isNew
            hint=""
            value={form.values.repeat}
            error={form.fields.repeat}
            onChange={(v) => form.set('repeat', v)}
          />
          <SubmitButton busy={form.busy}>ذخیرهٔ گذرواژهٔ تازه</SubmitButton>
        </form>
      )}
      <Link to={to.login()}>بازگشت به ورود</Link>
    </div>
  );
}
