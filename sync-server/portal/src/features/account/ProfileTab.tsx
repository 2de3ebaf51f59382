/** P8: complete or edit the profile; verify the email (P1); the saved people (P6). */
import { useState, type FormEvent } from 'react';
import { registerFinishSchema, type PortalAccount } from '../../../../../shared/portal/contract';
import { maskNationalId, mobileLocal } from '../../../../../shared/text/identity';
import { todayInTehran } from '../../../../../shared/time/dates';
import { useSession } from '../../app/session';
import { RadioGroup, TextField } from '../../components/Field';
import { Alert, FormMessages } from '../../components/Feedback';
import { JalaliDateField } from '../../components/JalaliDateField';
import { birthDateProblem } from '../../lib/age';
import { api } from '../../lib/endpoints';
import { checkForm, withFieldProblems } from '../../lib/form';
import { birthYears } from '../../lib/jalali';
import { GENDER_OPTIONS } from '../../lib/options';
import { useForm } from '../../lib/use-form';
import { EmailSection } from './EmailSection';
import { PeopleSection } from './PeopleSection';

const profileSchema = registerFinishSchema.pick({
  firstName: true,
  lastName: true,
  gender: true,
  birthDate: true,
  email: true,
});

export function ProfileTab({ account }: { account: PortalAccount }) {
  const session = useSession();
  const [today] = useState(() => todayInTehran());
  const [saved, setSaved] = useState(false);
  const form = useForm({
    firstName: account.firstName,
    lastName: account.lastName,
    gender: account.gender as string,
    birthDate: account.birthDate,
    email: account.email,
  });
  const v = form.values;
  const ageProblem = birthDateProblem(v.birthDate, today);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void form.submit(async () => {
      const checked = checkForm(profileSchema, v);
      const error = withFieldProblems(checked.error ?? null, { birthDate: ageProblem });
      if (error) throw error;
      if (!checked.data) return;
      const updated = await api.updateProfile(checked.data);
      if (updated && typeof updated === 'object' && 'id' in updated) session.setAccount(updated);
      else await session.refresh();
      setSaved(true);
    });
  };

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="identity-title">
        <h2 id="identity-title">شناسه‌های حساب</h2>
        <dl className="summary">
          <dt>شمارهٔ همراه</dt>
          <dd className="ltr">{mobileLocal(account.mobile)}</dd>
          <dt>کد ملی</dt>
          <dd className="ltr">{maskNationalId(account.nationalId)}</dd>
        </dl>
        <p className="muted small">
          شمارهٔ همراه و کد ملی شناسهٔ حساب شما هستند و از اینجا تغییر نمی‌کنند.
        </p>
      </section>
      <form className="card form" noValidate aria-label="مشخصات" onSubmit={submit}>
        <h2>مشخصات</h2>
        {saved ? <Alert tone="ok">مشخصات ذخیره شد.</Alert> : null}
        <FormMessages messages={form.messages} />
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
          hint="با تغییر ایمیل، باید دوباره آن را تأیید کنید."
          onChange={(e) => form.set('email', e.target.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={form.busy}>
          {form.busy ? 'در حال ذخیره…' : 'ذخیرهٔ مشخصات'}
        </button>
      </form>
      {account.email ? <EmailSection account={account} /> : null}
      <PeopleSection />
    </div>
  );
}
