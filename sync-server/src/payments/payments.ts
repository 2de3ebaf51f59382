/**
 * Online payments (C7, P5, P10, S2): the small internal API the patient portal calls to start a
 * payment, and the gateway callback that verifies it and sends the browser to the portal's
 * result page.
 *
 * Every attempt is a `payments` row from the start, with the payer's IP and user agent (P10), so
 * a failed one can be traced. The first successful verification writes exactly one ledger entry
 * (a `payment` for an invoice, a `deposit` for a booking's prepayment; method `online`, reference
 * = the gateway's ref id, cashier = {@link SERVER_ACTOR_ID}) through the server's write path, in
 * the same transaction that moves the row from `pending` to `verified` — so a replayed or racing
 * callback, or a gateway answering "already verified" (ZarinPal 101, Zibal 201), never credits
 * twice. A cancelled payment, an amount the gateway disagrees with, or an unpaid session ends the
 * row `cancelled` or `failed` with a Persian reason and writes no money. A verification that could
 * not reach the gateway leaves the row `pending`; the next callback (the payer reloading) tries
 * again.
 */
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidFields } from '../../../shared/api/errors';
import type { LedgerEntry } from '../../../shared/domain/ledger';
import { MAX_PRICE_RIAL } from '../../../shared/domain/catalog';
import { SERVER_ACTOR_ID, SERVER_DEVICE_ID, servicePaths } from '../../../shared/sync/protocol';
import { todayInTehran } from '../../../shared/time/dates';
import { ProviderError } from '../http/outbound';
import { commitServerWork, type ServerWriter, type WritePath } from '../replication/commit';
import { DEFAULT_REGISTRY, deepStrict } from '../replication/registry';
import type { PaymentRecord } from '../store/work-store';
import { GATEWAY_LABELS, type GatewayName, type VerifyResult } from './gateway';
import type { Gateways } from './gateways';
import { zarinpalCallback } from './zarinpal';
import { zibalCallback } from './zibal';

export interface PaymentDeps {
  path: WritePath;
  gateways: Gateways;
  /** This server's public base URL (the gateways send the payer's browser back to it). */
  publicUrl: () => string;
  /**
   * Runs in the verified payment's transaction, after its ledger entry (the portal confirms the
   * prepaid booking there, so a booking is confirmed exactly when its money is recorded).
   */
  onVerified?: (writer: ServerWriter, payment: PaymentRecord) => Promise<void>;
}

export interface StartPaymentInput {
  centerId: string;
  amountRial: number;
  description: string;
  /** Exactly one of the two: the invoice paid, or the booking prepaid. */
  invoiceId?: string;
  appointmentId?: string;
  payerIp: string;
  payerUserAgent: string;
  /** The portal page the browser lands on after the gateway (gets `?payment=<id>&status=<…>`). */
  resultUrl: string;
  /** The payer's mobile, shown to the gateway (it lists their saved cards). */
  mobile?: string;
}

export interface StartedPayment {
  paymentId: string;
  gateway: GatewayName;
  redirectUrl: string;
}

const NOT_FOUND = 'این پرداخت پیدا نشد.';
const SUBJECT_NOT_FOUND = 'صورت‌حساب یا نوبتی که پرداخت برای آن است پیدا نشد.';
const CANCELLED = 'پرداخت‌کننده پرداخت را لغو کرد.';
const GATEWAY_DOWN = 'درگاه پرداخت در دسترس نیست؛ کمی بعد دوباره تلاش کنید.';

function checkInput(input: StartPaymentInput): void {
  const fields: Record<string, string> = {};
  if (
    !Number.isInteger(input.amountRial) ||
    input.amountRial < 1000 ||
    input.amountRial > MAX_PRICE_RIAL
  ) {
    fields.amountRial = 'مبلغ پرداخت باید عددی درست (ریال) و دست‌کم ۱٬۰۰۰ ریال باشد.';
  }
  if (Boolean(input.invoiceId) === Boolean(input.appointmentId)) {
    fields.invoiceId = 'پرداخت باید برای یک صورت‌حساب یا یک نوبت باشد.';
  }
  if (!/^https?:\/\/[^\s]+$/.test(input.resultUrl) || input.resultUrl.length > 500) {
    fields.resultUrl = 'نشانی صفحهٔ نتیجه معتبر نیست.';
  }
  if (input.description.trim() === '' || input.description.length > 255) {
    fields.description = 'شرح پرداخت باید بین ۱ تا ۲۵۵ نویسه باشد.';
  }
  if (Object.keys(fields).length > 0) throw invalidFields(fields, 'درخواست پرداخت معتبر نیست.');
}

export async function startPayment(
  deps: PaymentDeps,
  input: StartPaymentInput,
): Promise<StartedPayment> {
  checkInput(input);
  const { store } = deps.path;
  const subject = input.invoiceId
    ? await store.getDocument('invoices', input.invoiceId)
    : await store.getDocument('appointments', input.appointmentId ?? '');
  if (!subject || subject.deleted || subject.centerId !== input.centerId) {
    throw new AppError('not-found', SUBJECT_NOT_FOUND);
  }
  const gatewayName = await deps.gateways.current(input.centerId);
  const now = deps.path.now().toISOString();
  const payment: PaymentRecord = {
    id: uuidv7(),
    centerId: input.centerId,
    gateway: gatewayName,
    amountRial: input.amountRial,
    description: input.description.trim(),
    invoiceId: input.invoiceId ?? '',
    appointmentId: input.appointmentId ?? '',
    patientId: typeof subject.data.patientId === 'string' ? subject.data.patientId : '',
    authority: '',
    status: 'pending',
    payerIp: input.payerIp.slice(0, 64),
    payerUserAgent: input.payerUserAgent.slice(0, 500),
    resultUrl: input.resultUrl,
    refId: '',
    cardMasked: '',
    failureReason: '',
    ledgerEntryId: '',
    createdAt: now,
    updatedAt: now,
  };
  // Stored before the gateway is asked: a refused or unreachable gateway is traceable too (P10).
  await store.write((tx) => tx.insertPayment(payment));
  try {
    const gateway = await deps.gateways.adapter(input.centerId, gatewayName);
    const asked = await gateway.request({
      amountRial: payment.amountRial,
      description: payment.description,
      callbackUrl: `${deps.publicUrl()}${servicePaths.paymentCallback(gatewayName)}`,
      orderId: payment.id,
      ...(input.mobile ? { mobile: input.mobile } : {}),
    });
    await store.write((tx) => tx.setPaymentAuthority(payment.id, asked.authority, now));
    return { paymentId: payment.id, gateway: gatewayName, redirectUrl: asked.redirectUrl };
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    await store.write((tx) =>
      tx.finishPayment(
        payment.id,
        'failed',
        { failureReason: error.reason },
        deps.path.now().toISOString(),
      ),
    );
    throw new AppError('offline', error.retryable ? GATEWAY_DOWN : error.reason, {
      reason: 'gateway',
      paymentId: payment.id,
    });
  }
}

function ledgerEntry(payment: PaymentRecord, refId: string, card: string, at: Date): LedgerEntry {
  const label = GATEWAY_LABELS[payment.gateway as GatewayName] ?? payment.gateway;
  return {
    id: uuidv7(),
    centerId: payment.centerId,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    updatedBy: SERVER_ACTOR_ID,
    deviceId: SERVER_DEVICE_ID,
    kind: payment.invoiceId ? 'payment' : 'deposit',
    patientId: payment.patientId,
    invoiceId: payment.invoiceId,
    amountRial: payment.amountRial,
    method: 'online',
    reference: refId.slice(0, 64),
    boxId: '',
    cashierId: SERVER_ACTOR_ID,
    day: todayInTehran(at),
    note: `پرداخت اینترنتی (${label})${card ? `، کارت ${card}` : ''}`.slice(0, 300),
    countedRial: 0,
    expectedRial: 0,
  };
}

/** Ends a pending payment with the gateway's answer; writes the ledger entry when verified. */
async function settle(deps: PaymentDeps, payment: PaymentRecord, result: VerifyResult) {
  const ledgerSchema = deepStrict(DEFAULT_REGISTRY.ledger!.docSchema);
  await commitServerWork(deps.path, payment.centerId, async (w) => {
    const at = w.now.toISOString();
    if (result.outcome !== 'verified') {
      await w.tx.finishPayment(payment.id, 'failed', { failureReason: result.reason }, at);
      return;
    }
    const entry = ledgerEntry(payment, result.refId, result.cardMasked, w.now);
    const moved = await w.tx.finishPayment(
      payment.id,
      'verified',
      { refId: result.refId, cardMasked: result.cardMasked, ledgerEntryId: entry.id },
      at,
    );
    // Another callback verified it first: it wrote the one entry.
    if (!moved) return;
    await w.put('ledger', entry.id, {
      deleted: false,
      data: ledgerSchema.parse(entry) as LedgerEntry,
    });
    await deps.onVerified?.(w, payment);
  });
}

function resultRedirect(payment: PaymentRecord): string {
  const url = new URL(payment.resultUrl);
  url.searchParams.set('payment', payment.id);
  url.searchParams.set('status', payment.status);
  return url.toString();
}

/**
 * The gateway's callback (`/api/payments/callback/<gateway>`): verifies once, and answers where
 * to send the browser. An unknown authority is `not-found` and changes nothing.
 */
export async function handleCallback(
  deps: PaymentDeps,
  gatewayName: string,
  query: Record<string, unknown>,
): Promise<string> {
  const info =
    gatewayName === 'zibal'
      ? zibalCallback(query)
      : gatewayName === 'zarinpal' || gatewayName === 'simulated'
        ? zarinpalCallback(query)
        : null;
  const { store } = deps.path;
  const payment = info ? await store.work.getPaymentByAuthority(gatewayName, info.authority) : null;
  if (!info || !payment) throw new AppError('not-found', NOT_FOUND, { reason: 'unknown-payment' });
  if (payment.status === 'pending') {
    if (!info.paid) {
      await store.write((tx) =>
        tx.finishPayment(
          payment.id,
          'cancelled',
          { failureReason: CANCELLED },
          deps.path.now().toISOString(),
        ),
      );
    } else {
      try {
        const gateway = await deps.gateways.adapter(
          payment.centerId,
          payment.gateway as GatewayName,
        );
        const result = await gateway.verify({
          authority: payment.authority,
          amountRial: payment.amountRial,
        });
        await settle(deps, payment, result);
      } catch (error) {
        // Unreachable gateway: the payment stays pending and the next callback tries again.
        if (!(error instanceof ProviderError)) throw error;
      }
    }
  }
  const now = await store.work.getPayment(payment.id);
  return resultRedirect(now ?? payment);
}
