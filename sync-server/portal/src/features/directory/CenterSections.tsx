/** The parts of a center's public page (P12). Every text is the center's own: shown as text. */
import type { CenterPage } from '../../../../../shared/portal/contract';
import { Link } from '../../app/router';
import { to } from '../../app/routes';
import { jalaliOfInstant } from '../../lib/time';
import { tomanText } from '../../lib/money';
import { safeImageUrl } from '../../lib/urls';

export function ServicesSection({ center, slug }: { center: CenterPage; slug: string }) {
  const departments = new Map<string, CenterPage['services']>();
  for (const service of center.services) {
    const list = departments.get(service.departmentName) ?? [];
    list.push(service);
    departments.set(service.departmentName, list);
  }
  return (
    <section className="card stack" aria-labelledby="services-title">
      <h2 id="services-title">خدمات و تعرفه‌ها</h2>
      {center.services.length === 0 ? (
        <p className="muted">این مرکز هنوز خدمتی برای نوبت‌دهی آنلاین معرفی نکرده است.</p>
      ) : (
        [...departments].map(([department, services]) => (
          <div key={department} className="stack">
            {department ? <h3>{department}</h3> : null}
            <ul className="list">
              {services.map((s) => (
                <li key={s.id} className="item" data-testid="service-item">
                  <span className="stack tight">
                    <strong>{s.name}</strong>
                    <span className="muted small">
                      {s.durationMin.toLocaleString('fa-IR')} دقیقه
                      {s.prepaymentRequired ? ' · پرداخت آنلاین هنگام نوبت' : ''}
                    </span>
                  </span>
                  <span className="row">
                    <span className="price">{tomanText(s.priceRial)}</span>
                    <Link
                      className="btn btn-ghost"
                      to={to.book(slug, { service: s.id })}
                      aria-label={`نوبت برای ${s.name}`}
                    >
                      نوبت
                    </Link>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}

export function ProvidersSection({ center, slug }: { center: CenterPage; slug: string }) {
  if (center.providers.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="providers-title">
      <h2 id="providers-title">پزشکان و درمانگران</h2>
      <ul className="list">
        {center.providers.map((p) => (
          <li key={p.id} className="item">
            <span className="stack tight">
              <strong>{p.name}</strong>
              {p.specialty ? <span className="muted small">{p.specialty}</span> : null}
            </span>
            <Link
              className="btn btn-ghost"
              to={to.book(slug, { provider: p.id })}
              aria-label={`نوبت از ${p.name}`}
            >
              نوبت
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function RulesSection({ center }: { center: CenterPage }) {
  const { enabled, minNoticeHours } = center.selfCancellation;
  return (
    <section className="card stack" aria-labelledby="rules-title">
      <h2 id="rules-title">قوانین نوبت‌دهی و لغو</h2>
      <div>
        <h3>قوانین نوبت‌دهی</h3>
        <p className="prewrap">{center.bookingRules || 'مرکز قانون خاصی ثبت نکرده است.'}</p>
      </div>
      <div>
        <h3>قوانین لغو نوبت</h3>
        <p className="prewrap">{center.cancellationRules || 'مرکز قانون خاصی ثبت نکرده است.'}</p>
        <p className="muted small">
          {enabled
            ? `لغو نوبت از «نوبت‌های من» تا ${minNoticeHours.toLocaleString('fa-IR')} ساعت پیش از زمان نوبت ممکن است.`
            : 'برای لغو نوبت با خود مرکز تماس بگیرید.'}
        </p>
      </div>
    </section>
  );
}

/** The gallery, less the image already shown as the page's cover (`cover`). */
export function GallerySection({ center, cover }: { center: CenterPage; cover: string | null }) {
  const images = center.gallery.flatMap((g) => {
    const src = safeImageUrl(g.imageUrl);
    return src && src !== cover ? [{ src, caption: g.caption }] : [];
  });
  if (images.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="gallery-title">
      <h2 id="gallery-title">تصاویر</h2>
      <div className="gallery">
        {images.map((image) => (
          <figure key={image.src}>
            <img src={image.src} alt={image.caption || `تصویری از ${center.name}`} loading="lazy" />
            {image.caption ? <figcaption>{image.caption}</figcaption> : null}
          </figure>
        ))}
      </div>
    </section>
  );
}

export function PostsSection({ center }: { center: CenterPage }) {
  if (center.posts.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="posts-title">
      <h2 id="posts-title">نوشته‌های مرکز</h2>
      {center.posts.map((post) => (
        <details key={post.id} className="item">
          <summary>
            <strong>{post.title}</strong>{' '}
            <span className="muted small">{jalaliOfInstant(post.publishedAt)}</span>
          </summary>
          <p className="prewrap">{post.body}</p>
        </details>
      ))}
    </section>
  );
}
