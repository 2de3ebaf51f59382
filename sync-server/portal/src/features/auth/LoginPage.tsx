/** Sign in with mobile and password; then back where the patient was going (`?next=`). */
import type { FormEvent } from 'react';
import { loginSchema } from '../../../../../shared/portal/contract';
import { Link, navigate, useLocation } from '../../app/router';
import { to } from '../../app/routes';
import { useSession } from '../../app/session';
import { FormMessages } from '../../components/Feedback';
import { api } from '../../lib/endpoints';
import { checkForm } from '../../lib/form';
import { usePageTitle } from '../../lib/hooks';
import { safeNextPath } from '../../lib/urls';
import { useForm } from '../../lib/use-form';
import { AlreadySignedIn, MobileField, PasswordField, SubmitButton } from './AuthParts';

export function LoginPage() {
  usePageTitle('ورود');
  const session = useSession();
  const { query } = useLocation();
  const next = safeNextPath(query.get('next'));
  const form = useForm({ mobile: '', password: '' });

  if (session.account && !form.busy) return <AlreadySignedIn />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      const checked = checkForm(loginSchema, form.values);
      if (checked.error) throw checked.error;
      await api.login(checked.data);
      await session.refresh();
      navigate(next, { replace: true });
    });
  };

  return (
    <div className="card stack narrow">
      <h1>ورود به حساب</h1>
      <form className="form" onSubmit={submit} noValidate aria-label="ورود">
        <FormMessages messages={form.messages} />
        <MobileField
          value={form.values.mobile}
          error={form.fields.mobile}
          onChange={(v) => form.set('mobile', v)}
        />
        <PasswordField
          value={form.values.password}
          error={form.fields.password}
          onChange={(v) => form.set('password', v)}
        />
        <SubmitButton busy={form.busy}>ورود</SubmitButton>
      </form>
      <div className="row">
        <Link to={to.reset}>گذرواژه را فراموش کرده‌ام</Link>
      </div>
      <p className="muted">
        حساب ندارید؟ <Link to={to.register(query.get('next') ?? undefined)}>ثبت‌نام کنید</Link>
      </p>
    </div>
  );
}
