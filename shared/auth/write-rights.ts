/**
 * Which right a write to a synced collection needs. The sync server checks every pushed document
 * with it (through {@link can}); the desk's core checks methods, which map to the same rights.
 */
import type { SyncedCollectionName } from '../sync/collections';
import type { PermissionId } from './rights';

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
    case 'center':
    case 'catalog':
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
