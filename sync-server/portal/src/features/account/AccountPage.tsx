/** P8: the user area: bookings, profile, security. Signed-in only. */
import { Link, useLocation } from '../../app/router';
import { to } from '../../app/routes';
import { useSession } from '../../app/session';
import { Alert, EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { usePageTitle } from '../../lib/hooks';
import { NotFoundPage } from '../../app/NotFoundPage';
import { BookingsTab } from './BookingsTab';
import { ProfileTab } from './ProfileTab';
import { SecurityTab } from './SecurityTab';

const TABS = [
  { tab: 'bookings', label: 'نوبت‌های من' },
  { tab: 'profile', label: 'مشخصات' },
  { tab: 'security', label: 'امنیت و حساب' },
] as const;

export function AccountPage() {
  const session = useSession();
  const { params, href } = useLocation();
  const tab = params.tab ?? 'bookings';
  const current = TABS.find((t) => t.tab === tab);
  usePageTitle(current?.label ?? 'حساب من');

  if (!current) return <NotFoundPage />;
  if (session.state === 'loading') return <Loading />;
  if (session.state === 'error' && session.error) {
    return (
      <ErrorState
        error={session.error}
        onRetry={() => void session.refresh().catch(() => undefined)}
      />
    );
  }
  const account = session.account;
  if (!account) {
    return (
      <EmptyState
        title="برای دیدن نوبت‌ها وارد شوید"
        action={
          <>
            <Link className="btn btn-primary" to={to.login(href)}>
              ورود
            </Link>
            <Link className="btn btn-ghost" to={to.register(href)}>
              ثبت‌نام
            </Link>
          </>
        }
      />
    );
  }

  return (
    <div className="stack">
      <h1>
        {account.firstName} {account.lastName}
      </h1>
      <nav className="tabs" aria-label="بخش‌های حساب">
        {TABS.map((t) => (
          <Link
            key={t.tab}
            to={t.tab === 'bookings' ? to.account() : to.account(t.tab)}
            aria-current={t.tab === tab ? 'page' : undefined}
            replace
          >
            {t.label}
          </Link>
        ))}
      </nav>
      {account.email && !account.emailVerified && tab !== 'profile' ? (
        <Alert tone="info" title="ایمیل شما هنوز تأیید نشده است">
          <span>
            کد تأیید را در بخش «مشخصات» بگیرید و وارد کنید.{' '}
            <Link to={to.account('profile')} replace>
              تأیید ایمیل
            </Link>
          </span>
        </Alert>
      ) : null}
      {tab === 'bookings' ? <BookingsTab /> : null}
      {tab === 'profile' ? <ProfileTab account={account} /> : null}
      {tab === 'security' ? <SecurityTab /> : null}
    </div>
  );
}
