/**
 * Registration's last step: who the person is, a password, how they heard of us, and consent to
 * the privacy policy (its version is sent and recorded, P3). Under-18s are told before sending (P2).
 */
import { useState, type FormEvent } from 'react';
import { registerFinishSchema } from '../../../../../shared/portal/contract';
import { mobileLocal } from '../../../../../shared/text/identity';
import { todayInTehran } from '../../../../../shared/time/dates';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { CheckboxField, RadioGroup, SelectField, TextField } from '../../components/Field';
import { Alert, FormMessages, Loading } from '../../components/Feedback';
import { JalaliDateField } from '../../components/JalaliDateField';
import { birthDateProblem } from '../../lib/age';
import { api } from '../../lib/endpoints';
import { checkForm, withFieldProblems } from '../../lib/form';
import { useLoad } from '../../lib/hooks';
import { birthYears } from '../../lib/jalali';
import { GENDER_OPTIONS, HEARD_OPTIONS } from '../../lib/options';
import { loadPolicy } from '../../lib/public-data';
import { useForm } from '../../lib/use-form';
import { PasswordField, SubmitButton } from './AuthParts';

export function RegisterDetails({
  mobile,
  ticket,
  next,
  onRegistering,
  onRestart,
}: {
  mobile: string;
  ticket: string;
  next: string;
  onRegistering(on: boolean): void;
  onRestart(): void;
}) {
  const session = useSession();
  const policy = useLoad('policy', () => loadPolicy(''));
  const [today] = useState(() => todayInTehran());
  const form = useForm({
    firstName: '',
    lastName: '',
    nationalId: '',
    gender: '',
    birthDate: '',
    email: '',
    password: '',
    heardFrom: '',
    acceptedPolicyVersion: '',
  });
  const v = form.values;
  const ageProblem = birthDateProblem(v.birthDate, today);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      const checked = checkForm(registerFinishSchema, {
        ...v,
        ticket,
        heardFrom: v.heardFrom || undefined,
      });
      const error = withFieldProblems(checked.error ?? null, { birthDate: ageProblem });
      if (error) throw error;
      if (!checked.data) return;
      onRegistering(true);
      try {
        await api.registerFinish(checked.data);
        await session.refresh();
      } finally {
        onRegistering(false);
      }
      navigate(next, { replace: true });
    });
  };

  if (policy.error && !policy.data) {
    return <Alert title="متن سیاست حفظ حریم خصوصی دریافت نشد">{policy.error.message}</Alert>;
  }
  if (!policy.data) return <Loading />;
  const current = policy.data.current;

  return (
    <form className="form" noValidate aria-label="مشخصات" onSubmit={submit}>
      <p className="muted">
        شمارهٔ <span className="ltr">{mobileLocal(mobile)}</span> تأیید شد. مشخصات خود را مانند کارت
        ملی وارد کنید؛ مرکز درمانی هنگام پذیرش آن‌ها را بررسی می‌کند.
      </p>
      <FormMessages messages={form.messages} />
      {form.messages.length > 0 ? (
        <button type="button" className="btn-link" onClick={onRestart}>
          شروع دوبارهٔ ثبت‌نام با تأیید شماره
        </button>
      ) : null}
      <TextField
        label="نام"
        name="firstName"
        autoComplete="given-name"
        value={v.firstName}
        error={form.fields.firstName}
        onChange={(e) => form.set('firstName', e.target.value)}
      />
      <TextField
        label="نام خانوادگی"
        name="lastName"
        autoComplete="family-name"
        value={v.lastName}
        error={form.fields.lastName}
        onChange={(e) => form.set('lastName', e.target.value)}
      />
      <TextField
        label="کد ملی"
        name="nationalId"
        inputMode="numeric"
        dir="ltr"
        maxLength={12}
        value={v.nationalId}
        error={form.fields.nationalId}
        hint="۱۰ رقم، بدون خط تیره."
        onChange={(e) => form.set('nationalId', e.target.value)}
      />
      <RadioGroup
        label="جنسیت"
        name="gender"
        value={v.gender}
        options={GENDER_OPTIONS}
        error={form.fields.gender}
        onChange={(g) => form.set('gender', g)}
      />
      <JalaliDateField
        label="تاریخ تولد"
        name="birthDate"
        value={v.birthDate}
        years={birthYears(today)}
        error={ageProblem ?? form.fields.birthDate}
        onChange={(iso) => form.set('birthDate', iso)}
      />
      <TextField
        label="ایمیل (اختیاری)"
        name="email"
        type="email"
        autoComplete="email"
        dir="ltr"
        value={v.email}
        error={form.fields.email}
        hint="برای تأیید ایمیل، بعداً در «حساب من» کدی برایتان فرستاده می‌شود."
        onChange={(e) => form.set('email', e.target.value)}
      />
      <PasswordField
        isNew
        value={v.password}
        error={form.fields.password}
        onChange={(p) => form.set('password', p)}
      />
      <SelectField
        label="از کجا با ما آشنا شدید؟"
        name="heardFrom"
        value={v.heardFrom}
        placeholder="انتخاب کنید (اختیاری)"
        options={HEARD_OPTIONS}
        error={form.fields.heardFrom}
        onChange={(e) => form.set('heardFrom', e.target.value)}
      />
      <details className="item">
        <summary>متن سیاست حفظ حریم خصوصی (نسخهٔ {current.version})</summary>
        <p className="policy-text small">{current.text}</p>
      </details>
      <CheckboxField
        name="acceptedPolicyVersion"
        checked={v.acceptedPolicyVersion !== ''}
        error={form.fields.acceptedPolicyVersion}
        onChange={(c) => form.set('acceptedPolicyVersion', c ? current.version : '')}
        label={`سیاست حفظ حریم خصوصی (نسخهٔ ${current.version}) را خواندم و می‌پذیرم.`}
      />
      <SubmitButton busy={form.busy}>ساخت حساب</SubmitButton>
    </form>
  );
}
