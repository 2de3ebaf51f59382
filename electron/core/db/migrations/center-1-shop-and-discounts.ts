/**
 * center v0 → v1: the shop's negative-stock switch and the largest discount staff may give, with
 * their defaults (no negative stock, 20 %).
 */
import { CENTER_V1_DEFAULTS } from '../../../../shared/domain/center';

export function centerV1(doc: Record<string, unknown>): Record<string, unknown> {
  return { ...CENTER_V1_DEFAULTS, ...doc };
}
