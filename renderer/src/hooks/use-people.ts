import { useMemo } from 'react';
import type { StaffView } from '../../../shared/api/setup';
import type { CatalogItem } from '../../../shared/domain/catalog';
import { useCall } from './use-call';

/**
 * Who can be booked: active providers, and managers who offer services (in a small clinic the
 * doctor often runs it). The core accepts both kinds.
 */
export function isBookable(s: StaffView): boolean {
  return s.active && (s.kind === 'provider' || (s.kind === 'manager' && s.serviceIds.length > 0));
}

export function useProviders(): { providers: StaffView[]; loaded: boolean } {
  const { data } = useCall('staff.list', {}, ['staff']);
  const providers = useMemo(() => (data ?? []).filter(isBookable), [data]);
  return { providers, loaded: data !== undefined };
}

export interface Catalog {
  departments: CatalogItem[];
  services: CatalogItem[];
  loaded: boolean;
}

/** Active departments and services. */
export function useCatalog(): Catalog {
  const { data } = useCall('catalog.list', { includeInactive: false }, ['catalog']);
  return useMemo(
    () => ({
      departments: data?.departments ?? [],
      services: data?.services ?? [],
      loaded: data !== undefined,
    }),
    [data],
  );
}

/** The services a provider offers (all of them when none are listed for the provider). */
export function servicesOf(
  provider: Pick<StaffView, 'serviceIds'> | undefined,
  services: CatalogItem[],
): CatalogItem[] {
  if (!provider || provider.serviceIds.length === 0) return services;
  return services.filter((s) => provider.serviceIds.includes(s.id));
}
