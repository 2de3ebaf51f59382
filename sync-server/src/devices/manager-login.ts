/**
 * Checks a manager's mobile and password against the staff documents the desks synced. Whatever
 * is wrong (unknown mobile, wrong password, not a manager, inactive), the answer is the same, and
 * a password is always verified, so neither the message nor the timing tells whether a mobile
 * belongs to a manager.
 */
import { AppError } from '../../../shared/api/errors';
import { hashPassword, verifyPassword } from '../../../shared/auth/password';
import type { Staff } from '../../../shared/domain/staff';
import { parseMobile } from '../../../shared/text/identity';
import type { SyncStore } from '../store/sync-store';

export const WRONG_CREDENTIALS = 'شمارهٔ همراه یا گذرواژه درست نیست.';

export interface VerifiedManager {
  staff: Staff;
  centerId: string;
  centerName: string;
  mobile: string;
}

let decoy: Promise<string> | null = null;
/** A hash to verify against when there is no candidate, so the time spent is the same. */
function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy-password-never-matches');
  return decoy;
}

/** Active managers with this mobile and password (one per center). Throws 401 when none. */
export async function verifyManagers(
  store: SyncStore,
  mobileText: string,
  password: string,
): Promise<VerifiedManager[]> {
  const mobile = parseMobile(mobileText);
  const candidates = mobile ? await store.findStaffByMobile(mobile) : [];
  const verified: VerifiedManager[] = [];
  for (const candidate of candidates) {
    const doc = await store.getDocument('staff', candidate.staffId);
    const staff = doc?.data as Staff | undefined;
    if (!doc || doc.deleted || !staff || staff.kind !== 'manager' || staff.active !== true)
      continue;
    if (!(await verifyPassword(password, staff.passwordHash))) continue;
    const center = await store.getDocument('center', doc.centerId);
    verified.push({
      staff,
      centerId: doc.centerId,
      centerName: typeof center?.data.name === 'string' ? center.data.name : '',
      mobile: mobile!,
    });
  }
  if (candidates.length === 0) await verifyPassword(password, await decoyHash());
  if (verified.length === 0) throw new AppError('unauthorized', WRONG_CREDENTIALS);
  return verified;
}
