/** The center profile form: its values, and how they become the shared schema's input. */
import type { Center, CenterType } from '../../../../../shared/domain/center';
import type { CenterProfileInput } from '../../../../../shared/api/setup';
import { toLatinDigits } from '../../../../../shared/text/normalize';
import type { MoneyUnit } from '../../../lib/money';

export const SOCIAL_KEYS = [
  'instagram',
  'telegram',
  'whatsapp',
  'eitaa',
  'bale',
  'rubika',
  'website',
] as const;
export type SocialKey = (typeof SOCIAL_KEYS)[number];

export const SOCIAL_LABELS: Record<SocialKey, { label: string; placeholder: string }> = {
  instagram: { label: 'اینستاگرام', placeholder: '@clinic' },
  telegram: { label: 'تلگرام', placeholder: '@clinic' },
  whatsapp: { label: 'واتس‌اپ', placeholder: '09121234567' },
  eitaa: { label: 'ایتا', placeholder: '@clinic' },
  bale: { label: 'بله', placeholder: '@clinic' },
  rubika: { label: 'روبیکا', placeholder: '@clinic' },
  website: { label: 'وبگاه', placeholder: 'https://clinic.ir' },
};

/** Saturday first, as on Iranian calendars: index = the stored day number (0 = Saturday). */
export const WEEKDAYS = ['شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه'];

export interface CenterFormValues {
  name: string;
  type: CenterType | '';
  city: string;
  address: string;
  phones: { value: string }[];
  lat: string;
  lng: string;
  mapUrl: string;
  social: Record<SocialKey, string>;
  bookingRules: string;
  cancellationRules: string;
  selfCancellation: { enabled: boolean; minNoticeHours: string };
  weekend: number[];
  moneyUnit: MoneyUnit;
}

export function centerFormValues(center: Center | null): CenterFormValues {
  const social = Object.fromEntries(SOCIAL_KEYS.map((k) => [k, center?.social[k] ?? ''])) as Record<
    SocialKey,
    string
  >;
  const phones = center?.phones.length ? center.phones : [''];
  return {
    name: center?.name ?? '',
    type: center?.type ?? '',
    city: center?.city ?? '',
    address: center?.address ?? '',
    phones: phones.map((value) => ({ value })),
    lat: center?.location ? String(center.location.lat) : '',
    lng: center?.location ? String(center.location.lng) : '',
    mapUrl: center?.mapUrl ?? '',
    social,
    bookingRules: center?.bookingRules ?? '',
    cancellationRules: center?.cancellationRules ?? '',
    selfCancellation: {
      enabled: center?.selfCancellation.enabled ?? false,
      minNoticeHours: String(center?.selfCancellation.minNoticeHours ?? 24),
    },
    weekend: center?.weekend ?? [6],
    moneyUnit: center?.moneyUnit ?? 'toman',
  };
}

function decimal(text: string): number | null {
  const plain = toLatinDigits(text.trim()).replace('٫', '.');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : null;
}

export function centerInput(v: CenterFormValues): CenterProfileInput {
  const hasLocation = v.lat.trim() !== '' || v.lng.trim() !== '';
  const hours = v.selfCancellation.minNoticeHours.trim();
  return {
    name: v.name,
    type: (v.type || undefined) as CenterType,
    city: v.city,
    address: v.address,
    phones: v.phones.map((p) => toLatinDigits(p.value.trim())).filter((p) => p !== ''),
    location: hasLocation
      ? { lat: decimal(v.lat) ?? Number.NaN, lng: decimal(v.lng) ?? Number.NaN }
      : null,
    mapUrl: v.mapUrl,
    social: Object.fromEntries(
      SOCIAL_KEYS.map((k) => [k, v.social[k].trim()]).filter(([, value]) => value !== ''),
    ),
    bookingRules: v.bookingRules,
    cancellationRules: v.cancellationRules,
    selfCancellation: {
      enabled: v.selfCancellation.enabled,
      minNoticeHours: hours === '' ? 24 : (decimal(hours) ?? Number.NaN),
    },
    weekend: [...v.weekend].sort((a, b) => a - b),
    moneyUnit: v.moneyUnit,
  };
}

/** What only the form can tell: coordinates that are not numbers, or one without the other. */
export function centerPrecheck(v: CenterFormValues): Record<string, string> {
  const problems: Record<string, string> = {};
  const lat = v.lat.trim();
  const lng = v.lng.trim();
  if (lat !== '' && decimal(lat) === null) problems.lat = 'عرض جغرافیایی را به عدد وارد کنید.';
  if (lng !== '' && decimal(lng) === null) problems.lng = 'طول جغرافیایی را به عدد وارد کنید.';
  if (lat !== '' && lng === '') problems.lng = 'طول جغرافیایی را هم وارد کنید.';
  if (lng !== '' && lat === '') problems.lat = 'عرض جغرافیایی را هم وارد کنید.';
  const hours = v.selfCancellation.minNoticeHours.trim();
  if (v.selfCancellation.enabled && hours === '') {
    problems['selfCancellation.minNoticeHours'] = 'کمترین فاصله تا نوبت را به ساعت وارد کنید.';
  } else if (hours !== '' && decimal(hours) === null) {
    problems['selfCancellation.minNoticeHours'] = 'ساعت را به عدد وارد کنید.';
  }
  return problems;
}

/** The form field that shows an issue of the shared schema. */
export function centerFieldOf(path: string): string {
  if (path === 'location' || path === 'location.lat') return 'lat';
  if (path === 'location.lng') return 'lng';
  if (/^phones\.\d+$/.test(path)) return `${path}.value`;
  return path;
}

export const CENTER_FIELDS = [
  'name',
  'type',
  'city',
  'address',
  'phones',
  'lat',
  'lng',
  'mapUrl',
  'social',
  'bookingRules',
  'cancellationRules',
  'selfCancellation',
  'weekend',
  'moneyUnit',
] as const;

/** Coordinates inside a pasted map link (Google `@lat,lng` or `q=lat,lng`, Balad/Neshan params). */
export function coordsFromMapUrl(url: string): { lat: string; lng: string } | null {
  const patterns = [
    /@(-?\d{1,2}\.\d+),(-?\d{1,3}\.\d+)/,
    /[?&](?:q|ll|query)=(-?\d{1,2}\.\d+),\s*(-?\d{1,3}\.\d+)/,
    /[?&]latitude=(-?\d{1,2}\.\d+)&longitude=(-?\d{1,3}\.\d+)/,
  ];
  for (const pattern of patterns) {
    const m = pattern.exec(url);
    if (m?.[1] && m[2]) return { lat: m[1], lng: m[2] };
  }
  return null;
}
