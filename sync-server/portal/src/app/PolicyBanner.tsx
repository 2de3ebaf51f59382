/**
 * P11: on every page, in the 30 days before a new privacy policy takes effect. The notice's text
 * (with its Jalali date) loads only when there is something to announce.
 */
import { lazy, Suspense } from 'react';
import { loadPolicy } from '../lib/public-data';
import { useLoad, useNow } from '../lib/hooks';
import { policyNotice } from '../lib/policy';

const PolicyNotice = lazy(() =>
  import('./PolicyNotice').then((m) => ({ default: m.PolicyNotice })),
);

export function PolicyBanner() {
  const { data } = useLoad('policy', () => loadPolicy(''));
  const now = useNow(60_000);
  const upcoming = policyNotice(data ?? null, now);
  if (!upcoming) return null;
  return (
    <Suspense fallback={null}>
      <PolicyNotice upcoming={upcoming} />
    </Suspense>
  );
}
