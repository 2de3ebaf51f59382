import type { ReactNode } from 'react';
import { Link, useLocation } from './router';
import { to } from './routes';
import { useSession } from './session';
import { PolicyBanner } from './PolicyBanner';
import { useOnline } from '../lib/hooks';

export function Layout({ children }: { children: ReactNode }) {
  const { account, state } = useSession();
  const online = useOnline();
  const { href, name } = useLocation();
  const signInNext = name === 'login' || name === 'register' ? undefined : href;
  return (
    <div className="shell">
      <a className="skip" href="#main">
        رفتن به محتوای صفحه
      </a>
      <header className="header">
        <Link to={to.home} className="brand">
          نوبت‌دهی آنلاین
        </Link>
        <nav aria-label="منوی اصلی" className="nav">
          <Link to={to.home}>مراکز درمانی</Link>
          {account ? (
            <Link to={to.account()} data-testid="nav-account">
              نوبت‌های من
            </Link>
          ) : state === 'loading' ? null : (
            <>
              <Link to={to.login(signInNext)}>ورود</Link>
              <Link to={to.register(signInNext)} className="nav-cta">
                ثبت‌نام
              </Link>
            </>
          )}
        </nav>
      </header>
      {online ? null : (
        <div className="banner banner-warn" role="status">
          اتصال اینترنت قطع است؛ تا وصل نشود نمی‌توانید نوبت بگیرید یا اطلاعات تازه ببینید.
        </div>
      )}
      <PolicyBanner />
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <Link to={to.privacy}>سیاست حفظ حریم خصوصی</Link>
        <span className="muted">اطلاعات شما فقط در اختیار مرکزی است که در آن نوبت می‌گیرید.</span>
      </footer>
    </div>
  );
}
