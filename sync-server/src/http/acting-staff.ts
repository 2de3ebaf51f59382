/**
 * The staff member acting through a device on the non-replication routes (gallery, posts): named
 * in the `x-staff-id` header and checked like a push's `updatedBy` — an active staff member of the
 * device's center — and then for the right the route needs, with the center's per-kind changes.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../shared/api/errors';
import { can, type PermissionId } from '../../../shared/auth/rights';
import type { Staff } from '../../../shared/domain/staff';
import {
  INACTIVE_ACTOR,
  NOT_ALLOWED,
  activeStaffOf,
  centerKindRights,
} from '../replication/rights';
import type { SyncStore } from '../store/sync-store';
import { deviceOf } from './auth';

export const STAFF_HEADER = 'x-staff-id';

export async function actingStaff(
  store: SyncStore,
  request: FastifyRequest,
  permission: PermissionId,
): Promise<Staff> {
  const device = deviceOf(request);
  const header = request.headers[STAFF_HEADER];
  const staffId = typeof header === 'string' && header.length <= 40 ? header : null;
  const found = staffId ? await store.getDocument('staff', staffId) : null;
  const staff = activeStaffOf(found, device.centerId);
  if (!staff) throw new AppError('forbidden', INACTIVE_ACTOR, { reason: 'actor' });
  const center = await store.getDocument('center', device.centerId);
  if (!can(staff, permission, centerKindRights(center))) {
    throw new AppError('forbidden', NOT_ALLOWED, { reason: 'permission', permission });
  }
  return staff;
}
