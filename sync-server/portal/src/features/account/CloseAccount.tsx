/** P8: close the account at any time, after the password; centers keep their own records. */
import { useState } from 'react';
import type { closeAccountSchema as Schema } from '../../../../../shared/portal/contract';
import { navigate } from '../../app/router';
import { to } from '../../app/routes';
import { useSession } from '../../app/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormMessages } from '../../components/Feedback';
import { api } from '../../lib/endpoints';
import { checkForm } from '../../lib/form';
import { useForm } from '../../lib/use-form';
import { PasswordField } from '../auth/AuthParts';

export function CloseAccount({ schema }: { schema: typeof Schema }) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const form = useForm({ password: '' });
  const close = () =>
    form.submit(async () => {
      const checked = checkForm(schema, form.values);
      if (checked.error) throw checked.error;
      await api.closeAccount(checked.data);
      await session.refresh().catch(() => null);
      navigate(to.home, { replace: true });
    });
  return (
    <section className="card stack" aria-labelledby="close-title">
      <h2 id="close-title">بستن حساب</h2>
      <p className="muted">
        با بستن حساب، دیگر نمی‌توانید با آن وارد شوید یا از این سایت نوبت بگیرید و افراد ذخیره‌شده
        پاک می‌شوند. مراکزی که در آن‌ها نوبت گرفته یا پذیرش شده‌اید، پروندهٔ خود را طبق قانون نزد خود
        نگه می‌دارند؛ برای آن با خود مرکز تماس بگیرید.
      </p>
      <button type="button" className="btn btn-danger" onClick={() => setOpen(true)}>
        بستن حساب
      </button>
      <ConfirmDialog
        open={open}
        title="حساب بسته شود؟"
        confirmLabel="بستن همیشگی حساب"
        danger
        busy={form.busy}
        onConfirm={() => void close()}
        onClose={() => setOpen(false)}
      >
        <p>این کار برگشت‌پذیر نیست. برای تأیید، گذرواژهٔ خود را وارد کنید.</p>
        <FormMessages messages={form.messages} />
        <PasswordField
          label="گذرواژه"
          name="close-password"
          value={form.values.password}
          error={form.fields.password}
          onChange={(p) => form.set('password', p)}
        />
      </ConfirmDialog>
    </section>
  );
}
