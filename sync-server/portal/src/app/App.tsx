/**
 * Pages load on demand: the directory, a center's page, booking and the user area are separate
 * chunks, so a phone opening one never downloads the others.
 */
import {
  lazy,
  Suspense,
  useEffect,
  useRef,
  type ComponentType,
  type LazyExoticComponent,
} from 'react';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorBoundary } from './RouteErrorBoundary';
import { useLocation } from './router';
import type { RouteName } from './routes';
import { SessionProvider } from './session';
import { Loading } from '../components/Feedback';

const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const PAGES: Record<RouteName, LazyExoticComponent<ComponentType> | ComponentType> = {
  directory: page(() => import('../features/directory/DirectoryPage'), 'DirectoryPage'),
  center: page(() => import('../features/directory/CenterPage'), 'CenterPage'),
  book: page(() => import('../features/booking/BookingPage'), 'BookingPage'),
  booking: page(() => import('../features/booking/BookingStatusPage'), 'BookingStatusPage'),
  paymentResult: page(() => import('../features/booking/PaymentResultPage'), 'PaymentResultPage'),
  receipt: page(() => import('../features/receipt/ReceiptPage'), 'ReceiptPage'),
  register: page(() => import('../features/auth/RegisterPage'), 'RegisterPage'),
  login: page(() => import('../features/auth/LoginPage'), 'LoginPage'),
  reset: page(() => import('../features/auth/ResetPasswordPage'), 'ResetPasswordPage'),
  account: page(() => import('../features/account/AccountPage'), 'AccountPage'),
  privacy: page(() => import('../features/policy/PolicyPage'), 'PolicyPage'),
  notFound: NotFoundPage,
};

function CurrentPage() {
  const location = useLocation();
  const Page = PAGES[location.name];
  const first = useRef(true);
  // After a navigation, move focus to the page so screen readers start from its content.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [location.pathname]);
  return (
    <RouteErrorBoundary resetKey={location.href}>
      <Suspense fallback={<Loading />}>
        <Page key={location.pathname} />
      </Suspense>
    </RouteErrorBoundary>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Layout>
        <CurrentPage />
      </Layout>
    </SessionProvider>
  );
}
