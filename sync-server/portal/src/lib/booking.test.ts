import { describe, expect, it } from 'vitest';
import type { CenterPage } from '../../../../shared/portal/contract';
import {
  changeChoice,
  choiceFrom,
  choiceQuery,
  effectiveProvider,
  providersFor,
  servicesFor,
  shownDate,
  slotsByDate,
  type Choice,
} from './booking';

const service = (id: string) => ({
  id,
  name: id,
  departmentName: 'عمومی',
  priceRial: 1_000_000,
  durationMin: 30,
  prepaymentRequired: false,
});

const center = {
  services: [service('visit'), service('scale'), service('xray')],
  providers: [
    { id: 'p1', name: 'دکتر یک', specialty: '', serviceIds: ['visit', 'scale'] },
    { id: 'p2', name: 'دکتر دو', specialty: '', serviceIds: ['visit'] },
    { id: 'p3', name: 'دکتر سه', specialty: '', serviceIds: ['xray'] },
  ],
} as unknown as CenterPage;

const none: Choice = { service: '', provider: '', date: '', start: null };

describe('booking choices', () => {
  it('round-trips through the address', () => {
    const choice: Choice = { service: 'visit', provider: 'p1', date: '2026-11-26', start: 540 };
    expect(choiceFrom(new URLSearchParams(choiceQuery(choice)))).toEqual(choice);
    expect(choiceQuery(none)).toBe('');
    expect(choiceFrom(new URLSearchParams('start=-5')).start).toBeNull();
    expect(choiceFrom(new URLSearchParams('start=abc')).start).toBeNull();
  });

  it('drops a provider who does not give the new service, and the day and time', () => {
    const chosen: Choice = { service: 'visit', provider: 'p2', date: '2026-11-26', start: 540 };
    expect(changeChoice(center, chosen, { service: 'scale' })).toEqual({
      ...none,
      service: 'scale',
    });
    expect(changeChoice(center, chosen, { service: 'visit' })).toEqual({
      ...none,
      service: 'visit',
      provider: 'p2',
    });
  });

  it('drops the time when the day changes, and keeps it when the time is picked', () => {
    const chosen: Choice = { service: 'visit', provider: 'p2', date: '2026-11-26', start: 540 };
    expect(changeChoice(center, chosen, { date: '2026-11-27' }).start).toBeNull();
    expect(changeChoice(center, chosen, { start: 570 })).toEqual({ ...chosen, start: 570 });
  });

  it('offers the services of a chosen provider and the providers of a service', () => {
    expect(servicesFor(center, 'p1').map((s) => s.id)).toEqual(['visit', 'scale']);
    expect(servicesFor(center, '').map((s) => s.id)).toEqual(['visit', 'scale', 'xray']);
    expect(providersFor(center, 'visit').map((p) => p.id)).toEqual(['p1', 'p2']);
  });

  it('books with the only provider of a service without asking', () => {
    expect(effectiveProvider(center, { ...none, service: 'xray' })?.id).toBe('p3');
    expect(effectiveProvider(center, { ...none, service: 'visit' })).toBeNull();
    expect(effectiveProvider(center, { ...none, service: 'visit', provider: 'p2' })?.id).toBe('p2');
    expect(effectiveProvider(center, { ...none, service: 'xray', provider: 'p1' })?.id).toBe('p3');
  });

  it('groups free slots by day in time order and shows the first day with one', () => {
    const byDate = slotsByDate([
      { date: '2026-11-27', start: 600, end: 630 },
      { date: '2026-11-27', start: 540, end: 570 },
      { date: '2026-11-28', start: 480, end: 510 },
    ]);
    expect(byDate.get('2026-11-27')?.map((s) => s.start)).toEqual([540, 600]);
    const days = ['2026-11-26', '2026-11-27', '2026-11-28'];
    expect(shownDate(days, byDate, '')).toBe('2026-11-27');
    expect(shownDate(days, byDate, '2026-11-28')).toBe('2026-11-28');
    expect(shownDate(days, byDate, '2027-01-01')).toBe('2026-11-27');
    expect(shownDate(days, new Map(), '')).toBe('');
  });
});
