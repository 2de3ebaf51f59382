/** Keeps `staff_logins` (mobile → staff member) in step with staff documents, for enrollment. */
import type { CollectionRule, RuleContext } from '../replication/collection-rules';
import type { StoredDocument } from '../store/sync-store';

async function derive(ctx: RuleContext, stored: StoredDocument): Promise<void> {
  const mobile = stored.data.mobile;
  if (stored.deleted || typeof mobile !== 'string' || mobile === '') {
    await ctx.tx.deleteStaffLogin(stored.id);
    return;
  }
  await ctx.tx.putStaffLogin({ staffId: stored.id, centerId: stored.centerId, mobile });
}

export const staffRule: CollectionRule = { derive };
