/** P12: a center's public page: profile, contact, services and prices, providers, rules, posts. */
import { useLocation } from '../../app/router';
import { Link } from '../../app/router';
import { to } from '../../app/routes';
import { ErrorState, Loading } from '../../components/Feedback';
import { useLoad, usePageTitle } from '../../lib/hooks';
import { loadCenter } from '../../lib/public-data';
import { safeHttpUrl, safeImageUrl, socialLinks } from '../../lib/urls';
import {
  GallerySection,
  PostsSection,
  ProvidersSection,
  RulesSection,
  ServicesSection,
} from './CenterSections';

export function CenterPage() {
  const { params } = useLocation();
  const slug = params.slug ?? '';
  const center = useLoad(`center:${slug}`, () => loadCenter(slug));
  usePageTitle(center.data?.name ?? 'مرکز درمانی');

  if (center.error) return <ErrorState error={center.error} onRetry={center.reload} />;
  if (!center.data) return <Loading />;
  const c = center.data;
  const cover = safeImageUrl(c.coverImageUrl);
  const map = safeHttpUrl(c.mapUrl);
  const social = socialLinks(c.social);

  return (
    <article className="stack">
      {cover ? (
        <img
          className="cover"
          src={cover}
          alt={
            c.gallery.find((g) => safeImageUrl(g.imageUrl) === cover)?.caption || `تصویر ${c.name}`
          }
        />
      ) : null}
      <header className="card stack">
        <div>
          <h1>{c.name}</h1>
          <span className="badge">{c.typeLabel}</span>
        </div>
        <p>
          {c.city ? `${c.city}، ` : ''}
          {c.address}
        </p>
        {c.phones.length > 0 ? (
          <p className="row">
            <span className="muted">تلفن:</span>
            {c.phones.map((phone) => (
              <a key={phone} href={`tel:${phone.replace(/[^\d+]/g, '')}`} className="ltr">
                {phone}
              </a>
            ))}
          </p>
        ) : null}
        <div className="row">
          {map ? (
            <a className="btn btn-ghost" href={map} target="_blank" rel="noopener noreferrer">
              مسیر روی نقشه
            </a>
          ) : null}
          {social.map((s) => (
            <a
              key={s.url}
              className="btn btn-ghost"
              href={s.url}
              target="_blank"
              rel="noopener noreferrer"
            >
              {s.label}
            </a>
          ))}
        </div>
        <Link className="btn btn-primary btn-block" to={to.book(slug)}>
          نوبت بگیرید
        </Link>
      </header>
      <GallerySection center={c} cover={cover} />
      <ServicesSection center={c} slug={slug} />
      <ProvidersSection center={c} slug={slug} />
      <RulesSection center={c} />
      <PostsSection center={c} />
    </article>
  );
}
