import { useEffect, useState } from 'react';
import type { Slot } from '../../../shared/scheduling/slots';
import { bridge } from '../lib/bridge';

export interface FreeSlotsQuery {
  providerIds: string[];
  from: string;
  to: string;
  /** A service (its duration) or, when '', `durationMin`. */
  serviceId: string;
  durationMin: number;
}

export interface FreeSlots {
  /** providerId → its free slots; providers that failed are absent. */
  byProvider: Map<string, { slots: Slot[]; stepMin: number; durationMin: number }>;
  /** Persian messages of providers whose slots could not be found. */
  errors: string[];
}

/**
 * Free slots of several providers at once (one `slots.free` call each), refreshed when bookings
 * or working hours change anywhere.
 */
export function useFreeSlots(query: FreeSlotsQuery | null): FreeSlots | undefined {
  const key = query ? JSON.stringify(query) : '';
  const [version, setVersion] = useState(0);
  const [answer, setAnswer] = useState<{ key: string; value: FreeSlots } | null>(null);

  useEffect(() => {
    if (!key) return undefined;
    let current = true;
    const q = JSON.parse(key) as FreeSlotsQuery;
    void Promise.all(
      q.providerIds.map((providerId) =>
        bridge
          .call('slots.free', {
            providerId,
            from: q.from,
            to: q.to,
            ...(q.serviceId ? { serviceId: q.serviceId } : { durationMin: q.durationMin }),
          })
          .then(
            (r) => ({ providerId, r, error: null }),
            (e: unknown) => ({ providerId, r: null, error: (e as Error).message }),
          ),
      ),
    ).then((results) => {
      if (!current) return;
      const byProvider: FreeSlots['byProvider'] = new Map();
      const errors: string[] = [];
      for (const { providerId, r, error } of results) {
        if (r) byProvider.set(providerId, r);
        else if (error && !errors.includes(error)) errors.push(error);
      }
      setAnswer({ key, value: { byProvider, errors } });
    });
    return () => {
      current = false;
    };
  }, [key, version]);

  useEffect(
    () =>
      bridge.on('data-changed', ({ collection }) => {
        if (collection === 'appointments' || collection === 'schedules' || collection === 'center')
          setVersion((v) => v + 1);
      }),
    [],
  );

  if (!key) return undefined;
  // The last answer stays while a newer one loads, so the grid does not flicker.
  return answer?.value;
}
