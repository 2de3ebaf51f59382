/**
 * Slot arbitration: two slot-holding bookings of one provider may not overlap on a day. Inside the
 * push transaction, a booking that would overlap one already committed (neither overbooked) is
 * stored as `status: 'conflict'` with `conflict.withId` naming the winner. The first committed
 * wins; nothing is dropped, the loser waits in a person's conflict queue on the desk.
 */
import {
  holdsSlot,
  type Appointment,
  type AppointmentStatus,
} from '../../../shared/domain/appointments';
import type { CollectionRule, RuleContext } from '../replication/collection-rules';
import type { StoredDocument } from '../store/sync-store';
import type { DocState } from '../replication/wire';

export const SLOT_TAKEN_REASON = 'این زمانِ ارائه‌دهنده پیش‌تر با نوبت دیگری پر شده بود.';

type SlotFields = Pick<
  Appointment,
  'providerId' | 'date' | 'start' | 'end' | 'status' | 'overbook'
>;

function slotFields(data: Record<string, unknown>): SlotFields {
  return data as unknown as SlotFields;
}

/** Whether the write moves, (re)activates or un-overbooks the booking: then it is re-checked. */
function needsCheck(before: StoredDocument | null, after: SlotFields): boolean {
  if (!before || before.deleted) return true;
  const b = slotFields(before.data);
  return (
    b.providerId !== after.providerId ||
    b.date !== after.date ||
    b.start !== after.start ||
    b.end !== after.end ||
    b.status !== after.status ||
    b.overbook !== after.overbook
  );
}

async function prepare(
  ctx: RuleContext,
  before: StoredDocument | null,
  after: DocState,
): Promise<DocState> {
  if (after.deleted) return after;
  const a = slotFields(after.data);
  if (!holdsSlot(a) || a.overbook || !needsCheck(before, a)) return after;
  const [winner] = await ctx.tx.findSlotRivals({
    centerId: ctx.centerId,
    providerId: a.providerId,
    date: a.date,
    startMin: a.start,
    endMin: a.end,
    excludeId: ctx.id,
  });
  if (!winner) return after;
  const status: AppointmentStatus = 'conflict';
  return {
    deleted: false,
    data: {
      ...after.data,
      status,
      conflict: {
        withId: winner.appointmentId,
        at: ctx.now.toISOString(),
        reason: SLOT_TAKEN_REASON,
      },
    },
  };
}

/** Keeps appointment_slots equal to the stored bookings (tombstones leave no row). */
async function derive(ctx: RuleContext, stored: StoredDocument): Promise<void> {
  if (stored.deleted) {
    await ctx.tx.deleteSlot(stored.id);
    return;
  }
  const a = slotFields(stored.data);
  await ctx.tx.putSlot({
    appointmentId: stored.id,
    centerId: stored.centerId,
    providerId: a.providerId,
    date: a.date,
    startMin: a.start,
    endMin: a.end,
    holds: holdsSlot(a),
    overbook: a.overbook,
    seq: stored.seq,
  });
}

export const appointmentRule: CollectionRule = { prepare, derive };
