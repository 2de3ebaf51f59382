/**
 * Prepayment holds (P5): a held booking's payment start, its confirmation inside the verified
 * payment's transaction, and the release of holds whose time ran out. A payment verified after its
 * hold lapsed books the time again through the slot arbitration, which sends it to the center's
 * conflict queue (deposit kept) if the time was taken meanwhile: nothing is silently lost.
 */
import { AppError } from '../../../shared/api/errors';
import type { Appointment } from '../../../shared/domain/appointments';
import { SERVER_ACTOR_ID, SERVER_DEVICE_ID } from '../../../shared/sync/protocol';
import { commitServerWork, type ServerWriter } from '../replication/commit';
import type { PortalAccountRecord } from '../store/portal-store';
import type { PaymentRecord } from '../store/work-store';
import { queueAutoMessage } from './auto-messages';
import { live, ownRecord, parts } from './booking-views';
import type { PortalDeps } from './deps';

const NOT_PAYABLE = 'این نوبت در انتظار پرداخت نیست یا مهلت پرداخت آن گذشته است.';
export const HOLD_LAPSED_REASON = 'مهلت پیش‌پرداخت نوبت گذشت و زمان آزاد شد.';

/** P5: starts the prepayment of a held booking; answers the gateway's address. */
export async function payBooking(
  deps: PortalDeps,
  account: PortalAccountRecord,
  id: string,
  payer: { ip: string; userAgent: string },
): Promise<{ redirectUrl: string; paymentId: string }> {
  await releaseLapsedHolds(deps);
  const record = await ownRecord(deps.path.store, account, id);
  const p = await parts(deps, account, record);
  const now = deps.path.now();
  if (
    !p ||
    p.appointment.status !== 'held' ||
    record.paymentStatus !== 'pending' ||
    !record.holdUntil ||
    Date.parse(record.holdUntil) <= now.getTime()
  ) {
    throw new AppError('conflict', NOT_PAYABLE, { reason: 'not-payable' });
  }
  const started = await deps.startPayment({
    centerId: record.centerId,
    amountRial: record.priceRial,
    description: `پیش‌پرداخت نوبت ${p.serviceName} در ${p.center?.name ?? ''}`.slice(0, 255),
    appointmentId: id,
    payerIp: payer.ip,
    payerUserAgent: payer.userAgent,
    resultUrl: `${deps.publicUrl()}/payment/result?booking=${encodeURIComponent(id)}`,
    mobile: account.mobile,
  });
  return { redirectUrl: started.redirectUrl, paymentId: started.paymentId };
}

/**
 * In the verified payment's own transaction (payments.ts): the held booking becomes `booked` (or,
 * when its hold had lapsed, is booked again through the slot arbitration, which sends it to the
 * conflict queue if the time was taken meanwhile) and its confirmation SMS is queued.
 */
export async function confirmPaidBooking(w: ServerWriter, payment: PaymentRecord): Promise<void> {
  if (!payment.appointmentId) return;
  const record = await w.tx.portal.getBooking(payment.appointmentId);
  if (!record) return;
  const a = live<Appointment>(await w.get('appointments', payment.appointmentId));
  const at = w.now.toISOString();
  await w.tx.portal.updateBooking(record.appointmentId, {
    paymentStatus: 'paid',
    holdUntil: null,
    updatedAt: at,
  });
  const lapsed = a?.status === 'cancelled' && a.cancelReason === HOLD_LAPSED_REASON;
  if (!a || (a.status !== 'held' && !lapsed)) return;
  const stored = await w.put('appointments', a.id, {
    deleted: false,
    data: {
      ...a,
      status: 'booked',
      cancelReason: '',
      updatedAt: at,
      updatedBy: SERVER_ACTOR_ID,
      deviceId: SERVER_DEVICE_ID,
    },
  });
  if (stored.data.status === 'booked') {
    await queueAutoMessage(w, 'confirmation', record.centerId, {
      appointmentId: a.id,
      patientId: a.patientId,
    });
  }
}

/** Releases holds whose payment time ran out (P5); returns how many were released. */
export async function releaseLapsedHolds(deps: Pick<PortalDeps, 'path'>, limit = 100) {
  const { path } = deps;
  const lapsed = await path.store.portal.lapsedHolds(path.now().toISOString(), limit);
  let released = 0;
  for (const candidate of lapsed) {
    released += await commitServerWork(path, candidate.centerId, async (w) => {
      const record = await w.tx.portal.getBooking(candidate.appointmentId);
      const at = w.now.toISOString();
      if (!record || record.paymentStatus !== 'pending' || !record.holdUntil) return 0;
      if (record.holdUntil > at) return 0;
      await w.tx.portal.updateBooking(record.appointmentId, {
        paymentStatus: 'expired',
        holdUntil: null,
        updatedAt: at,
      });
      const a = live<Appointment>(await w.get('appointments', record.appointmentId));
      if (!a || a.status !== 'held') return 0;
      await w.put('appointments', a.id, {
        deleted: false,
        data: {
          ...a,
          status: 'cancelled',
          cancelReason: HOLD_LAPSED_REASON,
          updatedAt: at,
          updatedBy: SERVER_ACTOR_ID,
          deviceId: SERVER_DEVICE_ID,
        },
      });
      return 1;
    });
  }
  return released;
}
