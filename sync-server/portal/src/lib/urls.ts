/**
 * Addresses that come from centers (social links, map links, images) or from the query string
 * (`?next=`) are checked before they become links: only http(s) out, only our own paths in.
 */

/** An external link a center entered, or null when it is not a plain http(s) address. */
export function safeHttpUrl(text: string): string | null {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** An image address: our own path (`/media/...`) or an http(s) address; anything else is dropped. */
export function safeImageUrl(text: string | null | undefined): string | null {
  if (!text) return null;
  if (/^\/(?!\/)/.test(text) && !text.includes('\\')) return text;
  return safeHttpUrl(text);
}

/**
 * Where to go after signing in: a path on this site only (`/centers/x/book?…`). Absolute and
 * protocol-relative addresses (`//evil.example`) would be an open redirect.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/account'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) {
    return fallback;
  }
  return next;
}

const SOCIAL_LABELS: Record<string, string> = {
  instagram: 'اینستاگرام',
  telegram: 'تلگرام',
  whatsapp: 'واتس‌اپ',
  eitaa: 'ایتا',
  bale: 'بله',
  rubika: 'روبیکا',
  aparat: 'آپارات',
  linkedin: 'لینکدین',
  x: 'ایکس',
  twitter: 'ایکس (توییتر)',
  youtube: 'یوتیوب',
  website: 'وب‌سایت',
  site: 'وب‌سایت',
};

/** The center's social links that are safe to show, with Persian names. */
export function socialLinks(social: Record<string, string>): { label: string; url: string }[] {
  return Object.entries(social).flatMap(([key, value]) => {
    const url = safeHttpUrl(value);
    return url ? [{ label: SOCIAL_LABELS[key.toLowerCase()] ?? key, url }] : [];
  });
}
