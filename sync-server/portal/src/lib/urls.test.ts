import { describe, expect, it } from 'vitest';
import { safeHttpUrl, safeImageUrl, safeNextPath, socialLinks } from './urls';

describe('links from centers and the query string', () => {
  it('lets only http(s) addresses out', () => {
    expect(safeHttpUrl('https://instagram.com/clinic')).toBe('https://instagram.com/clinic');
    expect(safeHttpUrl(' http://example.ir ')).toBe('http://example.ir/');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(safeHttpUrl('instagram.com/clinic')).toBeNull();
  });

  it('keeps our own image paths and http(s) images', () => {
    expect(safeImageUrl('/media/c1/img.webp')).toBe('/media/c1/img.webp');
    expect(safeImageUrl('https://cdn.example/x.jpg')).toBe('https://cdn.example/x.jpg');
    expect(safeImageUrl('//evil.example/x.jpg')).toBeNull();
    expect(safeImageUrl('javascript:x')).toBeNull();
    expect(safeImageUrl(null)).toBeNull();
  });

  it('never redirects off the site after signing in', () => {
    expect(safeNextPath('/centers/a/book?service=s1')).toBe('/centers/a/book?service=s1');
    expect(safeNextPath('https://evil.example')).toBe('/account');
    expect(safeNextPath('//evil.example')).toBe('/account');
    expect(safeNextPath('/\\evil.example')).toBe('/account');
    expect(safeNextPath(null, '/')).toBe('/');
  });

  it('names social networks in Persian and drops unsafe ones', () => {
    expect(
      socialLinks({
        instagram: 'https://instagram.com/c',
        telegram: 'javascript:x',
        foo: 'https://f.ir',
      }),
    ).toEqual([
      { label: 'اینستاگرام', url: 'https://instagram.com/c' },
      { label: 'foo', url: 'https://f.ir/' },
    ]);
  });
});
