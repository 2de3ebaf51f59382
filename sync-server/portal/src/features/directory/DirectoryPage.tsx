/** P12: find a center by name, city or specialty / service. The filters live in the address. */
import { useState, type FormEvent } from 'react';
import type { CenterSummary } from '../../../../../shared/portal/contract';
import { Link, navigate, useLocation } from '../../app/router';
import { to } from '../../app/routes';
import { TextField } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { queryString } from '../../lib/api';
import { api } from '../../lib/endpoints';
import { useLoad, usePageTitle } from '../../lib/hooks';
import { safeImageUrl } from '../../lib/urls';

function CenterCard({ center }: { center: CenterSummary }) {
  const image = safeImageUrl(center.coverImageUrl);
  return (
    <Link to={to.center(center.id)} className="card center-card" data-testid="center-card">
      {image ? (
        <img className="thumb" src={image} alt="" loading="lazy" />
      ) : (
        <span className="thumb" aria-hidden="true" />
      )}
      <span className="stack tight">
        <strong>{center.name}</strong>
        <span className="muted small">
          {center.typeLabel}
          {center.city ? ` · ${center.city}` : ''}
        </span>
        <span className="small">{center.address}</span>
      </span>
    </Link>
  );
}

export function DirectoryPage() {
  usePageTitle('مراکز درمانی');
  const { query } = useLocation();
  const filters = {
    q: query.get('q') ?? '',
    city: query.get('city') ?? '',
    service: query.get('service') ?? '',
  };
  const [draft, setDraft] = useState(filters);
  const key = queryString(filters);
  const centers = useLoad(`centers${key}`, () => api.centers(filters));
  const filtered = Boolean(filters.q || filters.city || filters.service);

  const search = (event: FormEvent) => {
    event.preventDefault();
    navigate(
      `/${queryString({ q: draft.q.trim(), city: draft.city.trim(), service: draft.service.trim() })}`,
      {
        replace: true,
      },
    );
  };
  const clear = () => {
    setDraft({ q: '', city: '', service: '' });
    navigate('/', { replace: true });
  };
  const cities = [...new Set((centers.data ?? []).map((c) => c.city).filter(Boolean))];

  return (
    <div className="stack">
      <div>
        <h1>نوبت گرفتن از مراکز درمانی</h1>
        <p className="muted">
          مرکز را پیدا کنید، خدمت و پزشک را انتخاب کنید و نوبت خالی را رزرو کنید.
        </p>
      </div>
      <form className="card search" role="search" onSubmit={search} aria-label="جستجوی مراکز">
        <TextField
          label="نام مرکز"
          name="q"
          type="search"
          value={draft.q}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          placeholder="مثلاً کلینیک شفا"
        />
        <TextField
          label="شهر"
          name="city"
          value={draft.city}
          list="city-options"
          onChange={(e) => setDraft({ ...draft, city: e.target.value })}
          placeholder="مثلاً تهران"
        />
        <datalist id="city-options">
          {cities.map((city) => (
            <option key={city} value={city} />
          ))}
        </datalist>
        <TextField
          label="تخصص یا خدمت"
          name="service"
          value={draft.service}
          onChange={(e) => setDraft({ ...draft, service: e.target.value })}
          placeholder="مثلاً دندان‌پزشکی"
        />
        <button type="submit" className="btn btn-primary">
          جستجو
        </button>
      </form>

      {centers.error && !centers.data ? (
        <ErrorState error={centers.error} onRetry={centers.reload} />
      ) : centers.loading && !centers.data ? (
        <Loading label="در حال یافتن مراکز…" />
      ) : centers.data && centers.data.length === 0 ? (
        filtered ? (
          <EmptyState
            title="مرکزی با این مشخصات پیدا نشد"
            action={
              <button type="button" className="btn btn-ghost" onClick={clear}>
                نمایش همهٔ مراکز
              </button>
            }
          >
            <p>نام را کوتاه‌تر بنویسید، شهر را خالی بگذارید یا تخصص دیگری را امتحان کنید.</p>
          </EmptyState>
        ) : (
          <EmptyState title="هنوز مرکزی در سامانه نیست">
            <p>به‌زودی مراکز درمانی اینجا فهرست می‌شوند. کمی بعد دوباره سر بزنید.</p>
          </EmptyState>
        )
      ) : (
        <section aria-label="فهرست مراکز" className="stack">
          <p className="muted small" aria-live="polite">
            {(centers.data?.length ?? 0).toLocaleString('fa-IR')} مرکز
          </p>
          <div className="grid">
            {centers.data?.map((center) => (
              <CenterCard key={center.id} center={center} />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
