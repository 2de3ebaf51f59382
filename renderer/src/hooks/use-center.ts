import type { Center } from '../../../shared/domain/center';
import type { MoneyUnit } from '../lib/money';
import { useCall } from './use-call';

/** The center document (null before the desk is set up), kept fresh. */
export function useCenter(): Center | null {
  return useCall('center.get', {}, ['center']).data?.center ?? null;
}

/** The unit the center prices in (Toman until the center says otherwise). */
export function useMoneyUnit(): MoneyUnit {
  return useCenter()?.moneyUnit ?? 'toman';
}
