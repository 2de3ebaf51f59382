/** P8: change the password, sign out, close the account. */
import { useState, type FormEvent } from 'react';
import { closeAccountSchema, passwordChangeSchema } from '../../../../../shared/portal/contract';
import { navigate } from '../../app/router';
import { to } from '../../app/routes';
import { useSession } from '../../app/session';
import { Alert, FormMessages } from '../../components/Feedback';
import { api } from '../../lib/endpoints';
import { asPortalError } from '../../lib/errors';
import { checkForm } from '../../lib/form';
import { useForm } from '../../lib/use-form';
import { PasswordField } from '../auth/AuthParts';
import { CloseAccount } from './CloseAccount';

function ChangePassword() {
  const session = useSession();
  const [done, setDone] = useState(false);
  const form = useForm({ current: '', password: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    void form.submit(async () => {
      const checked = checkForm(passwordChangeSchema, form.values);
      if (checked.error) throw checked.error;
      await api.changePassword(checked.data);
      // The server rotates the session (and so the CSRF token) with the password.
      await session.refresh().catch(() => null);
      form.set('current', '');
      form.set('password', '');
      setDone(true);
    });
  };
  return (
    <form className="card form" noValidate aria-label="تغییر گذرواژه" onSubmit={submit}>
      <h2>تغییر گذرواژه</h2>
      {done ? <Alert tone="ok">گذرواژه تغییر کرد.</Alert> : null}
      <FormMessages messages={form.messages} />
      <PasswordField
        label="گذرواژهٔ فعلی"
        name="current"
        value={form.values.current}
        error={form.fields.current}
        onChange={(p) => form.set('current', p)}
      />
      <PasswordField
        label="گذرواژهٔ تازه"
        isNew
        value={form.values.password}
        error={form.fields.password}
        onChange={(p) => form.set('password', p)}
      />
      <button type="submit" className="btn btn-primary" disabled={form.busy}>
        {form.busy ? 'لطفاً صبر کنید…' : 'تغییر گذرواژه'}
      </button>
    </form>
  );
}

function SignOut() {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const signOut = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await api.logout();
      await session.refresh();
      navigate(to.home, { replace: true });
    } catch (e) {
      setProblem(asPortalError(e).message);
      setBusy(false);
    }
  };
  return (
    <section className="card stack">
      <h2>خروج</h2>
      {problem ? <Alert>{problem}</Alert> : null}
      <button
        type="button"
        className="btn btn-ghost"
        disabled={busy}
        onClick={() => void signOut()}
      >
        خروج از حساب
      </button>
    </section>
  );
}

export function SecurityTab() {
  return (
    <div className="stack">
      <ChangePassword />
      <SignOut />
      <CloseAccount schema={closeAccountSchema} />
    </div>
  );
}
