/** Pieces the sign-in, registration and password-reset pages share. */
import { useState, type InputHTMLAttributes } from 'react';
import { TextField } from '../../components/Field';
import { useNow } from '../../lib/hooks';
import { Link } from '../../app/router';
import { to } from '../../app/routes';
import { mobileLocal } from '../../../../../shared/text/identity';

/** Seconds before the same code may be asked for again (the server has its own limits). */
export const RESEND_AFTER_SECONDS = 60;

type Input = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'>;

export function MobileField({
  value,
  error,
  onChange,
  ...rest
}: Input & { value: string; error?: string | undefined; onChange(value: string): void }) {
  return (
    <TextField
      label="شمارهٔ همراه"
      name="mobile"
      type="tel"
      inputMode="tel"
      autoComplete="tel"
      dir="ltr"
      placeholder="09121234567"
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value)}
      {...rest}
    />
  );
}

export function PasswordField({
  label = 'گذرواژه',
  name = 'password',
  value,
  error,
  hint,
  isNew = false,
  onChange,
}: {
  label?: string;
  name?: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  isNew?: boolean;
  onChange(value: string): void;
}) {
  const [shown, setShown] = useState(false);
  return (
    <div className="stack tight">
      <TextField
        label={label}
        name={name}
        type={shown ? 'text' : 'password'}
        autoComplete={isNew ? 'new-password' : 'current-password'}
        dir="ltr"
        value={value}
        error={error}
        hint={hint ?? (isNew ? 'دست‌کم ۸ نویسه، هم عدد و هم حرف.' : undefined)}
        onChange={(e) => onChange(e.target.value)}
      />
      <button
        type="button"
        className="btn-link small"
        aria-pressed={shown}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? 'پنهان کردن گذرواژه' : 'نمایش گذرواژه'}
      </button>
    </div>
  );
}

export function CodeField({
  value,
  error,
  onChange,
}: {
  value: string;
  error?: string | undefined;
  onChange(value: string): void;
}) {
  return (
    <TextField
      label="کد تأیید"
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      dir="ltr"
      maxLength={8}
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** «کد به 0912… فرستاده شد» with a resend button that waits {@link RESEND_AFTER_SECONDS}. */
export function CodeSentNote({
  mobile,
  sentAt,
  busy,
  onResend,
  onChangeMobile,
}: {
  mobile: string;
  sentAt: number;
  busy: boolean;
  onResend(): void;
  onChangeMobile(): void;
}) {
  const now = useNow();
  const wait = Math.max(0, Math.ceil(RESEND_AFTER_SECONDS - (now - sentAt) / 1000));
  return (
    <div className="stack tight">
      <p>
        کد تأیید با پیامک به <span className="ltr">{mobileLocal(mobile)}</span> فرستاده شد.
      </p>
      <div className="row">
        <button type="button" className="btn-link" disabled={wait > 0 || busy} onClick={onResend}>
          {wait > 0
            ? `ارسال دوباره تا ${wait.toLocaleString('fa-IR')} ثانیهٔ دیگر`
            : 'ارسال دوبارهٔ کد'}
        </button>
        <button type="button" className="btn-link" onClick={onChangeMobile}>
          تغییر شماره
        </button>
      </div>
    </div>
  );
}

export function SubmitButton({ busy, children }: { busy: boolean; children: string }) {
  return (
    <button type="submit" className="btn btn-primary btn-block" disabled={busy} aria-busy={busy}>
      {busy ? 'لطفاً صبر کنید…' : children}
    </button>
  );
}

/** Shown on the sign-in pages to someone already signed in. */
export function AlreadySignedIn() {
  return (
    <div className="card stack narrow">
      <h1>شما وارد حساب خود شده‌اید</h1>
      <div className="actions">
        <Link className="btn btn-primary" to={to.account()}>
          نوبت‌های من
        </Link>
        <Link className="btn btn-ghost" to={to.home}>
          مراکز درمانی
        </Link>
      </div>
    </div>
  );
}
