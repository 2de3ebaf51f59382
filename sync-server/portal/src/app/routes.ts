/**
 * The portal's pages and their paths. History routing: the sync server answers index.html for any
 * path it does not know under `/`, and the gateway returns to `/payment/result?booking=…&status=…`.
 */
export type RouteName =
  | 'directory'
  | 'center'
  | 'book'
  | 'booking'
  | 'receipt'
  | 'paymentResult'
  | 'register'
  | 'login'
  | 'reset'
  | 'account'
  | 'privacy'
  | 'notFound';

const TABLE: [pattern: string, name: RouteName][] = [
  ['/', 'directory'],
  ['/centers', 'directory'],
  ['/centers/:slug', 'center'],
  ['/centers/:slug/book', 'book'],
  ['/bookings/:id', 'booking'],
  ['/bookings/:id/receipt', 'receipt'],
  ['/payment/result', 'paymentResult'],
  ['/register', 'register'],
  ['/login', 'login'],
  ['/password/reset', 'reset'],
  ['/account', 'account'],
  ['/account/:tab', 'account'],
  ['/privacy', 'privacy'],
];

export interface RouteMatch {
  name: RouteName;
  params: Record<string, string>;
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** `/centers/abc/book` → `{ name: 'book', params: { slug: 'abc' } }`; unknown → notFound. */
export function matchRoute(pathname: string): RouteMatch {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  for (const [pattern, name] of TABLE) {
    const want = pattern.split('/').filter(Boolean);
    if (want.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = want.every((segment, i) => {
      const part = parts[i]!;
      if (!segment.startsWith(':')) return segment === part;
      const value = decode(part);
      if (value === null || value === '') return false;
      params[segment.slice(1)] = value;
      return true;
    });
    if (ok) return { name, params };
  }
  return { name: 'notFound', params: {} };
}

const seg = encodeURIComponent;

/** Paths to link to. */
export const to = {
  home: '/',
  center: (slug: string) => `/centers/${seg(slug)}`,
  book: (slug: string, pick: { service?: string; provider?: string } = {}) => {
    const q = new URLSearchParams();
    if (pick.service) q.set('service', pick.service);
    if (pick.provider) q.set('provider', pick.provider);
    const text = q.toString();
    return `/centers/${seg(slug)}/book${text ? `?${text}` : ''}`;
  },
  booking: (id: string) => `/bookings/${seg(id)}`,
  receipt: (id: string) => `/bookings/${seg(id)}/receipt`,
  register: (next?: string) => (next ? `/register?next=${seg(next)}` : '/register'),
  login: (next?: string) => (next ? `/login?next=${seg(next)}` : '/login'),
  reset: '/password/reset',
  account: (tab?: 'bookings' | 'profile' | 'security') => (tab ? `/account/${tab}` : '/account'),
  privacy: '/privacy',
};
