/**
 * What the person at this desk may do right now. Rights are read from the (synced) staff and center
 * documents at every check, so a change made on another desk applies here as soon as it arrives.
 */
import { AppError } from '../../../shared/api/errors';
import {
  can,
  effectiveRights,
  type KindRights,
  type PermissionId,
} from '../../../shared/auth/rights';
import type { Staff } from '../../../shared/domain/staff';
import type { ClinicDatabase } from '../db/database';

export class RightsResolver {
  constructor(
    private readonly db: ClinicDatabase,
    private readonly centerId: () => string,
  ) {}

  async kindRights(): Promise<KindRights> {
    const center = await this.db.center.findOne(this.centerId()).exec();
    return (center?.rightsByKind ?? {}) as KindRights;
  }

  async staff(staffId: string): Promise<Staff | null> {
    const doc = await this.db.staff.findOne(staffId).exec();
    return doc && doc.centerId === this.centerId() ? doc.toMutableJSON() : null;
  }

  async rightsOf(staffId: string): Promise<PermissionId[]> {
    const staff = await this.staff(staffId);
    return staff ? [...effectiveRights(staff, await this.kindRights())] : [];
  }

  async has(staffId: string, permission: PermissionId): Promise<boolean> {
    const staff = await this.staff(staffId);
    return staff !== null && can(staff, permission, await this.kindRights());
  }

  async require(
    staffId: string,
    permission: PermissionId,
    message = 'اجازهٔ این کار را ندارید.',
  ): Promise<void> {
    if (!(await this.has(staffId, permission)))
      throw new AppError('forbidden', message, { permission });
  }
}
