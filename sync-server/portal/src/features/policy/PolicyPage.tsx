/** P11: the privacy policy in effect, the coming version if one is published, and the history. */
import { ErrorState, Loading } from '../../components/Feedback';
import { useLoad, usePageTitle } from '../../lib/hooks';
import { loadPolicy } from '../../lib/public-data';
import { jalaliOfInstant } from '../../lib/time';

export function PolicyPage() {
  usePageTitle('سیاست حفظ حریم خصوصی');
  const policy = useLoad('policy', () => loadPolicy(''));
  if (policy.error && !policy.data)
    return <ErrorState error={policy.error} onRetry={policy.reload} />;
  if (!policy.data) return <Loading />;
  const { current, upcoming, history } = policy.data;

  return (
    <div className="stack">
      <h1>سیاست حفظ حریم خصوصی</h1>
      {upcoming ? (
        <section className="card stack" aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">
            نسخهٔ تازه ({upcoming.version}) — اجرا از {jalaliOfInstant(upcoming.effectiveAt)}
          </h2>
          <p className="muted small">
            منتشرشده در {jalaliOfInstant(upcoming.publishedAt)}. تا آن روز نسخهٔ فعلی معتبر است.
          </p>
          <div className="policy-text">{upcoming.text}</div>
        </section>
      ) : null}
      <section className="card stack" aria-labelledby="current-title">
        <h2 id="current-title">نسخهٔ فعلی ({current.version})</h2>
        <p className="muted small">معتبر از {jalaliOfInstant(current.effectiveAt)}</p>
        <div className="policy-text">{current.text}</div>
      </section>
      {history.length > 0 ? (
        <section className="card stack" aria-labelledby="history-title">
          <h2 id="history-title">تاریخچهٔ نسخه‌ها</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">نسخه</th>
                <th scope="col">انتشار</th>
                <th scope="col">اجرا</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.version}>
                  <td>{h.version}</td>
                  <td>{jalaliOfInstant(h.publishedAt)}</td>
                  <td>{jalaliOfInstant(h.effectiveAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
