/** P11: a notice on every page in the 30 days before a new privacy policy takes effect. */
import type { PolicyInfo, PolicyVersion } from '../../../../shared/portal/contract';

export const NOTICE_DAYS = 30;

/**
 * An `effectiveAt` (a `YYYY-MM-DD` day, starting at midnight in Tehran, or an instant) in ms.
 * No shared date helpers here: they would pull date-fns-jalali into every page's first download.
 */
export function effectiveMs(effectiveAt: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(effectiveAt)
    ? Date.parse(`${effectiveAt}T00:00:00+03:30`)
    : Date.parse(effectiveAt);
}

/** The upcoming version to announce now, or null. */
export function policyNotice(policy: PolicyInfo | null, now: number): PolicyVersion | null {
  const upcoming = policy?.upcoming;
  if (!upcoming) return null;
  const at = effectiveMs(upcoming.effectiveAt);
  if (Number.isNaN(at) || at <= now) return null;
  return at - now <= NOTICE_DAYS * 86_400_000 ? upcoming : null;
}
