/**
 * Who may write what. One function, so the rights model (the setup issue) replaces it in one place.
 */
import type { Staff } from '../../../shared/domain/staff';

/**
 * May this active staff member of the device's center store `after` over `before` in
 * `collection`? Until per-right checks land, only managers write.
 */
export function mayWrite(
  staff: Staff,
  _collection: string,
  _before: Record<string, unknown> | null,
  _after: Record<string, unknown>,
): boolean {
  return staff.kind === 'manager';
}
