/**
 * Which right a write to a synced collection needs. The sync server checks every pushed document
 * with it (through {@link can}); the desk's core checks methods, which map to the same rights.
 */
import type { SyncedCollectionName } from '../sync/collections';
import { effectiveRights, type KindRights, type PermissionId, type RightsHolder } from './rights';

type Doc = Record<string, unknown> | null;

export function writePermission(
  collection: SyncedCollectionName | string,
  before: Doc,
  after: Doc,
): PermissionId | 'own-audit' | null {
  const deleted = after === null || after._deleted === true;
  switch (collection) {
    case 'patients':
      return deleted ? 'patients.remove' : 'patients.edit';
    case 'appointments': {
      if (after?.overbook === true && before?.overbook !== true) return 'appointments.overbook';
      const status = after?.status;
      if (status === 'cancelled' && before?.status !== 'cancelled') return 'appointments.cancel';
      if (
        (status === 'checked-in' || status === 'done' || status === 'no-show') &&
        before?.status !== status
      ) {
        return 'appointments.checkIn';
      }
      return 'appointments.book';
    }
    case 'packages':
      return 'packages.sell';
    case 'invoices':
      if (after?.status === 'void' && before?.status !== 'void') return 'cashier.refund';
      if (after?.deliveredBy && !before?.deliveredBy && before) return 'shop.deliver';
      return after?.kind === 'shop' ? 'shop.sell' : 'cashier.receive';
    case 'ledger':
      if (after?.kind === 'refund') return 'cashier.refund';
      // Credit from goods brought back after delivery moves no money: it is a return, not a receipt.
      if (after?.kind === 'deposit' && after.method === 'credit') return 'cashier.refund';
      if (after?.kind === 'box-close') return 'cashier.close';
      return 'cashier.receive';
    case 'messages':
      // Anyone who books may queue a message; deleting or editing the queue is managing it.
      return before ? 'sms.manage' : 'appointments.book';
    case 'stock':
      // Goods brought back after delivery (grouped by a return id) are taken back like a void.
      if (after?.kind === 'return' && after.transferId) return 'cashier.refund';
      return after?.kind === 'sale' || after?.kind === 'return' ? 'shop.sell' : 'inventory.edit';
    case 'center':
    case 'catalog':
    case 'schedules':
      return 'settings.edit';
    case 'staff':
      return 'staff.manage';
    case 'audit':
      // Anyone may append their own entries; nobody may change one (the server refuses that first).
      return 'own-audit';
    default:
      return null;
  }
}

/**
 * Nobody hands out more than they hold (checked by the desk's core and again by the server): only a
 * manager may create, edit or promote a manager; changing the kinds' rights needs `staff.manage`;
 * and a non-manager may not grant a right (to a person or a kind) that they do not have themselves.
 * Returns a Persian reason, or null when the change is fine.
 */
export function escalation(
  actor: RightsHolder,
  collection: string,
  before: Doc,
  after: Doc,
  byKind: KindRights = {},
): string | null {
  if (actor.kind === 'manager' && actor.active) return null;
  const mine = effectiveRights(actor, byKind);
  const beyond = (list: unknown) =>
    Array.isArray(list) && list.some((p) => typeof p === 'string' && !mine.has(p as PermissionId));
  if (collection === 'staff') {
    if (before?.kind === 'manager' || after?.kind === 'manager')
      return 'فقط مدیر مرکز می‌تواند مدیر تعریف یا ویرایش کند.';
    const added = ((after?.rightsGranted as string[] | undefined) ?? []).filter(
      (p) => !((before?.rightsGranted as string[] | undefined) ?? []).includes(p),
    );
    if (beyond(added)) return 'نمی‌توانید دسترسی‌ای بدهید که خودتان ندارید.';
  }
  if (
    collection === 'center' &&
    JSON.stringify(before?.rightsByKind ?? {}) !== JSON.stringify(after?.rightsByKind ?? {})
  ) {
    if (!mine.has('staff.manage'))
      return 'تغییر دسترسی‌های پیش‌فرض به دسترسی «مدیریت کارکنان و دسترسی‌ها» نیاز دارد.';
    const changes = Object.values(
      (after?.rightsByKind ?? {}) as Record<string, { granted?: unknown }>,
    );
    if (changes.some((c) => beyond(c.granted)))
      return 'نمی‌توانید دسترسی‌ای بدهید که خودتان ندارید.';
  }
  return null;
}
