/**
 * catalog v0 → v1: insurers, contracts, goods and warehouses joined departments and services; their
 * fields are added with empty values to every existing document.
 */
import { CATALOG_V1_DEFAULTS } from '../../../../shared/domain/catalog';

export function catalogV1(doc: Record<string, unknown>): Record<string, unknown> {
  return { ...CATALOG_V1_DEFAULTS, ...doc };
}
