/**
 * P4: book at a center: service → provider → day (the next 30, Jalali) → free time → for whom →
 * confirm. The choices live in the address, so signing in midway or reloading keeps them.
 * A service with online prepayment answers with a held booking, paid on the next page (P5).
 */
import { useState } from 'react';
import { Link, navigate, useLocation } from '../../app/router';
import { to } from '../../app/routes';
import { useSession } from '../../app/session';
import { Alert, EmptyState, ErrorState, Loading } from '../../components/Feedback';
import {
  changeChoice,
  choiceFrom,
  choiceQuery,
  effectiveProvider,
  providersFor,
  servicesFor,
  type Choice,
} from '../../lib/booking';
import { api } from '../../lib/endpoints';
import { useLoad, usePageTitle } from '../../lib/hooks';
import { loadCenter } from '../../lib/public-data';
import { ProviderChoice, ServiceChoice } from './Choices';
import { ConfirmSection } from './ConfirmSection';
import { NEW_PERSON, PersonChoice, personName } from './PersonChoice';
import { SlotSection } from './SlotSection';

export function BookingPage() {
  const { params, query, pathname, href } = useLocation();
  const slug = params.slug ?? '';
  const session = useSession();
  const center = useLoad(`center:${slug}`, () => loadCenter(slug));
  usePageTitle(center.data ? `نوبت در ${center.data.name}` : 'نوبت گرفتن');
  const choice = choiceFrom(query);
  const signedIn = session.account !== null;
  const people = useLoad(signedIn ? 'people' : null, () => api.people());
  const [personId, setPersonId] = useState('');
  const [slotsVersion, setSlotsVersion] = useState(0);

  if (center.error) return <ErrorState error={center.error} onRetry={center.reload} />;
  if (!center.data) return <Loading />;
  const c = center.data;

  const choose = (change: Partial<Choice>) =>
    navigate(`${pathname}${choiceQuery(changeChoice(c, choice, change))}`, { replace: true });
  const services = servicesFor(c, choice.provider);
  const service = services.find((s) => s.id === choice.service) ?? null;
  const providers = service ? providersFor(c, service.id) : [];
  const provider = service ? effectiveProvider(c, choice) : null;
  const ready = service && provider && choice.date && choice.start !== null;
  const person = people.data?.find((p) => p.id === personId);

  if (c.services.length === 0) {
    return (
      <EmptyState
        title="نوبت‌دهی آنلاین این مرکز هنوز فعال نیست"
        action={
          <Link className="btn btn-ghost" to={to.center(slug)}>
            بازگشت به صفحهٔ مرکز
          </Link>
        }
      >
        <p>برای گرفتن نوبت با تلفن‌های مرکز تماس بگیرید.</p>
      </EmptyState>
    );
  }

  return (
    <div className="stack steps">
      <div>
        <h1>نوبت در {c.name}</h1>
        <Link to={to.center(slug)} className="small">
          صفحهٔ مرکز و قوانین نوبت‌دهی
        </Link>
      </div>
      <section className="card stack">
        <ServiceChoice
          services={services}
          value={choice.service}
          onChange={(id) => choose({ service: id })}
        />
        {choice.provider && services.length < c.services.length ? (
          <button type="button" className="btn-link small" onClick={() => choose({ provider: '' })}>
            نمایش خدمات همهٔ پزشکان
          </button>
        ) : null}
      </section>
      {service && providers.length > 0 ? (
        <section className="card">
          <ProviderChoice
            providers={providers}
            value={provider?.id ?? ''}
            onChange={(id) => choose({ provider: id })}
          />
        </section>
      ) : null}
      {service && providers.length === 0 ? (
        <Alert tone="warn">فعلاً پزشکی برای این خدمت نوبت آنلاین نمی‌دهد.</Alert>
      ) : null}
      {service && provider ? (
        <SlotSection
          centerId={c.id}
          serviceId={service.id}
          providerId={provider.id}
          version={slotsVersion}
          date={choice.date}
          start={choice.start}
          onChange={choose}
        />
      ) : null}
      {ready && !signedIn ? (
        <section className="card stack" data-testid="sign-in-to-book">
          <h2>برای ثبت نوبت وارد شوید</h2>
          <p className="muted">
            نوبت‌ها به نام صاحب حساب ثبت می‌شوند. پس از ورود، همین انتخاب‌ها سر جایشان می‌مانند.
          </p>
          <div className="actions">
            <Link className="btn btn-primary" to={to.login(href)}>
              ورود
            </Link>
            <Link className="btn btn-ghost" to={to.register(href)}>
              ثبت‌نام
            </Link>
          </div>
        </section>
      ) : null}
      {ready && session.account ? (
        <section className="card stack">
          <PersonChoice
            holderName={`${session.account.firstName} ${session.account.lastName}`}
            people={people.data ?? []}
            error={people.error ? people.error.message : null}
            value={personId}
            onChange={setPersonId}
            onAdded={(person) => {
              people.reload();
              setPersonId(person.id);
            }}
          />
        </section>
      ) : null}
      {ready && session.account && personId !== NEW_PERSON ? (
        <ConfirmSection
          key={`${choiceQuery(choice)}|${personId}`}
          center={c}
          service={service}
          provider={provider}
          date={choice.date}
          start={choice.start!}
          personId={personId}
          forWhom={
            person
              ? personName(person)
              : `${session.account.firstName} ${session.account.lastName} (خودم)`
          }
          onLost={() => setSlotsVersion((n) => n + 1)}
        />
      ) : null}
    </div>
  );
}
