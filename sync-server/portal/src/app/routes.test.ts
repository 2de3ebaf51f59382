import { describe, expect, it } from 'vitest';
import { matchRoute, to } from './routes';

describe('routes', () => {
  it('matches each page with its parameters', () => {
    expect(matchRoute('/')).toEqual({ name: 'directory', params: {} });
    expect(matchRoute('/centers/shafa-clinic')).toEqual({
      name: 'center',
      params: { slug: 'shafa-clinic' },
    });
    expect(matchRoute('/centers/%D8%B4%D9%81%D8%A7/book/')).toEqual({
      name: 'book',
      params: { slug: 'شفا' },
    });
    expect(matchRoute('/bookings/b1/receipt').name).toBe('receipt');
    expect(matchRoute('/payment/result').name).toBe('paymentResult');
    expect(matchRoute('/account/security')).toEqual({
      name: 'account',
      params: { tab: 'security' },
    });
  });

  it('sends unknown and malformed paths to the 404 page', () => {
    expect(matchRoute('/nope').name).toBe('notFound');
    expect(matchRoute('/centers/a/b/c').name).toBe('notFound');
    expect(matchRoute('/centers/%E0%A4%A').name).toBe('notFound');
  });

  it('builds links that match back', () => {
    const path = to.book('شفا', { service: 's 1', provider: 'p1' });
    expect(path).toBe('/centers/%D8%B4%D9%81%D8%A7/book?service=s+1&provider=p1');
    expect(matchRoute(path.split('?')[0]!)).toEqual({ name: 'book', params: { slug: 'شفا' } });
    expect(to.login('/centers/a/book?service=x')).toBe(
      '/login?next=%2Fcenters%2Fa%2Fbook%3Fservice%3Dx',
    );
  });
});
