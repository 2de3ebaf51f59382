/** P6: people saved while booking for them. */
import { maskNationalId, mobileLocal } from '../../../../../shared/text/identity';
import { ErrorState, Loading } from '../../components/Feedback';
import { api } from '../../lib/endpoints';
import { useLoad } from '../../lib/hooks';

export function PeopleSection() {
  const people = useLoad('people', () => api.people());
  return (
    <section className="card stack" aria-labelledby="people-title">
      <h2 id="people-title">افراد ذخیره‌شده</h2>
      {people.error && !people.data ? (
        <ErrorState error={people.error} onRetry={people.reload} />
      ) : !people.data ? (
        <Loading />
      ) : people.data.length === 0 ? (
        <p className="muted">
          هنوز کسی را ذخیره نکرده‌اید. هنگام گرفتن نوبت، «نوبت برای شخص دیگر» را انتخاب کنید تا
          مشخصات او برای دفعه‌های بعد ذخیره شود.
        </p>
      ) : (
        <ul className="list">
          {people.data.map((p) => (
            <li key={p.id} className="item">
              <span className="stack tight">
                <strong>
                  {p.firstName} {p.lastName}
                </strong>
                <span className="muted small">{p.relation}</span>
              </span>
              <span className="small ltr">
                {maskNationalId(p.nationalId)} · {mobileLocal(p.mobile)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
