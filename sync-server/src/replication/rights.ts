/**
 * Who may write what (C10, S3). The decision is the shared one — {@link writePermission} names the
 * right a change needs and {@link can} decides with the center's per-kind changes — so a desk, its
 * UI and this server never disagree about a right. The server only adds what it alone can know:
 * that the actor is an active staff member of the device's center, read from its own store.
 */
import { can, type KindRights } from '../../../shared/auth/rights';
import { escalation, writePermission } from '../../../shared/auth/write-rights';
import type { Staff } from '../../../shared/domain/staff';
import type { StoredDocument } from '../store/sync-store';

export const INACTIVE_ACTOR = 'ثبت‌کنندهٔ این تغییر کارمند فعال این مرکز نیست.';
export const NOT_ALLOWED = 'ثبت‌کنندهٔ این تغییر اجازهٔ آن را ندارد.';

/** The staff member in `found` when they are active staff of `centerId`, else null. */
export function activeStaffOf(
  found: StoredDocument | null | undefined,
  centerId: string,
): Staff | null {
  if (!found || found.deleted || found.centerId !== centerId) return null;
  const staff = found.data as Staff;
  return staff.active === true ? staff : null;
}

/** The center's changes to the kinds' default rights, from its stored center document. */
export function centerKindRights(center: StoredDocument | null | undefined): KindRights {
  if (!center || center.deleted) return {};
  const byKind = center.data.rightsByKind;
  return byKind !== null && typeof byKind === 'object' ? (byKind as KindRights) : {};
}

/**
 * May this active staff member of the device's center store `after` over `before` in
 * `collection`? Both states carry `_deleted`; `before` is null for a new document (or one whose
 * tombstone is being revived). A collection the shared table does not know stays managers-only.
 */
export function mayWrite(
  staff: Staff,
  collection: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  byKind: KindRights = {},
): boolean {
  const permission = writePermission(collection, before, after);
  if (permission === null) return staff.kind === 'manager' && staff.active;
  // An audit entry is always the actor's own: nobody writes entries in someone else's name.
  if (permission === 'own-audit') return after.actorId === staff.id;
  return (
    can(staff, permission, byKind) && escalation(staff, collection, before, after, byKind) === null
  );
}
