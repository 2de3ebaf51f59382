/** Booking choices (P4): which services and providers go together, and free slots by day. */
import type { CenterPage } from '../../../../shared/portal/contract';
import type { FreeSlot } from './endpoints';

export type Service = CenterPage['services'][number];
export type Provider = CenterPage['providers'][number];

/** What the booking page keeps in its address, so a sign-in or a reload keeps the choices. */
export interface Choice {
  service: string;
  provider: string;
  date: string;
  start: number | null;
}

export function choiceFrom(query: URLSearchParams): Choice {
  const start = Number(query.get('start') ?? '');
  return {
    service: query.get('service') ?? '',
    provider: query.get('provider') ?? '',
    date: query.get('date') ?? '',
    start: query.has('start') && Number.isInteger(start) && start >= 0 ? start : null,
  };
}

export function choiceQuery(choice: Choice): string {
  const q = new URLSearchParams();
  if (choice.service) q.set('service', choice.service);
  if (choice.provider) q.set('provider', choice.provider);
  if (choice.date) q.set('date', choice.date);
  if (choice.start !== null) q.set('start', String(choice.start));
  const text = q.toString();
  return text ? `?${text}` : '';
}

/**
 * A changed choice: picking a service drops a provider who does not give it; picking a service or
 * provider drops the day and time (their free slots differ); picking a day drops the time.
 */
export function changeChoice(center: CenterPage, choice: Choice, change: Partial<Choice>): Choice {
  const next = { ...choice, ...change };
  if ('service' in change || 'provider' in change) {
    next.date = change.date ?? '';
    next.start = change.start ?? null;
  } else if ('date' in change) {
    next.start = change.start ?? null;
  }
  if ('service' in change && next.provider) {
    const provider = center.providers.find((p) => p.id === next.provider);
    if (!provider || !provider.serviceIds.includes(next.service)) next.provider = '';
  }
  return next;
}

/** The services to offer: all, or those the chosen provider gives. */
export function servicesFor(center: CenterPage, providerId: string): Service[] {
  const provider = center.providers.find((p) => p.id === providerId);
  return provider
    ? center.services.filter((s) => provider.serviceIds.includes(s.id))
    : center.services;
}

/** The providers who give a service. */
export function providersFor(center: CenterPage, serviceId: string): Provider[] {
  return center.providers.filter((p) => p.serviceIds.includes(serviceId));
}

/** The provider to book with: the chosen one if they give the service, or the only one who does. */
export function effectiveProvider(center: CenterPage, choice: Choice): Provider | null {
  const candidates = providersFor(center, choice.service);
  const chosen = candidates.find((p) => p.id === choice.provider);
  if (chosen) return chosen;
  return candidates.length === 1 ? candidates[0]! : null;
}

/** Free slots by date, each day's in time order. */
export function slotsByDate(slots: readonly FreeSlot[]): Map<string, FreeSlot[]> {
  const byDate = new Map<string, FreeSlot[]>();
  for (const slot of slots) {
    const list = byDate.get(slot.date) ?? [];
    list.push(slot);
    byDate.set(slot.date, list);
  }
  for (const list of byDate.values()) list.sort((a, b) => a.start - b.start);
  return byDate;
}

/** The day to show: the chosen one, else the first of `days` with a free slot. */
export function shownDate(
  days: readonly string[],
  byDate: Map<string, FreeSlot[]>,
  chosen: string,
) {
  if (chosen && days.includes(chosen)) return chosen;
  return days.find((d) => (byDate.get(d)?.length ?? 0) > 0) ?? '';
}
