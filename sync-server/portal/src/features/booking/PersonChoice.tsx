/**
 * P6: for whom. The account holder, a saved person, or someone new whose real details are entered
 * once and saved to the profile for later bookings.
 */
import type { FormEvent } from 'react';
import { personSchema, type PortalPerson } from '../../../../../shared/portal/contract';
import { RadioGroup, TextField } from '../../components/Field';
import { Alert, FormMessages } from '../../components/Feedback';
import { api } from '../../lib/endpoints';
import { checkForm } from '../../lib/form';
import { GENDER_OPTIONS } from '../../lib/options';
import { useForm } from '../../lib/use-form';

export const NEW_PERSON = 'new';

export function personName(p: Pick<PortalPerson, 'firstName' | 'lastName'>): string {
  return `${p.firstName} ${p.lastName}`;
}

function PersonForm({ onSaved, onCancel }: { onSaved(p: PortalPerson): void; onCancel(): void }) {
  const form = useForm({
    firstName: '',
    lastName: '',
    nationalId: '',
    mobile: '',
    relation: '',
    gender: '',
  });
  const v = form.values;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      const checked = checkForm(personSchema, v);
      if (checked.error) throw checked.error;
      onSaved(await api.addPerson(checked.data));
    });
  };
  const text = (
    name: Exclude<keyof typeof v, 'gender'>,
    label: string,
    extra: Record<string, string> = {},
  ) => (
    <TextField
      label={label}
      name={`person-${name}`}
      value={v[name]}
      error={form.fields[name]}
      onChange={(e) => form.set(name, e.target.value)}
      {...extra}
    />
  );
  return (
    <form className="form card" noValidate aria-label="مشخصات شخص دیگر" onSubmit={submit}>
      <p className="muted small">
        مشخصات واقعی همان کسی را بنویسید که به مرکز مراجعه می‌کند؛ مرکز هنگام پذیرش آن را بررسی
        می‌کند.
      </p>
      <FormMessages messages={form.messages} />
      {text('firstName', 'نام')}
      {text('lastName', 'نام خانوادگی')}
      <RadioGroup
        label="جنسیت"
        name="person-gender"
        value={v.gender}
        options={GENDER_OPTIONS}
        error={form.fields.gender}
        onChange={(g) => form.set('gender', g)}
      />
      {text('nationalId', 'کد ملی', { inputMode: 'numeric', dir: 'ltr' })}
      {text('mobile', 'شمارهٔ همراه', { type: 'tel', inputMode: 'tel', dir: 'ltr' })}
      {text('relation', 'نسبت با شما', { placeholder: 'مثلاً مادر، فرزند، همسر' })}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={form.busy}>
          {form.busy ? 'لطفاً صبر کنید…' : 'ذخیره و انتخاب'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          انصراف
        </button>
      </div>
    </form>
  );
}

export function PersonChoice({
  holderName,
  people,
  error,
  value,
  onChange,
  onAdded,
}: {
  holderName: string;
  people: readonly PortalPerson[];
  error: string | null;
  value: string;
  onChange(id: string): void;
  onAdded(person: PortalPerson): void;
}) {
  const adding = value === NEW_PERSON;
  const options = [
    { id: '', label: `خودم (${holderName})` },
    ...people.map((p) => ({ id: p.id, label: `${personName(p)} (${p.relation})` })),
  ];
  return (
    <fieldset className="field">
      <legend className="field-label step-title">نوبت برای چه کسی است؟</legend>
      {error ? <Alert tone="warn">{error}</Alert> : null}
      <div className="stack tight list">
        {options.map((o) => (
          <label key={o.id || 'me'} className="choice">
            <input
              type="radio"
              name="person"
              value={o.id}
              checked={value === o.id}
              onChange={() => onChange(o.id)}
            />
            <span className="choice-body">{o.label}</span>
          </label>
        ))}
        <label className="choice">
          <input
            type="radio"
            name="person"
            value={NEW_PERSON}
            checked={adding}
            onChange={() => onChange(NEW_PERSON)}
          />
          <span className="choice-body">نوبت برای شخص دیگر (افزودن)</span>
        </label>
      </div>
      {adding ? <PersonForm onCancel={() => onChange('')} onSaved={onAdded} /> : null}
    </fieldset>
  );
}
