/**
 * Zibal's IPG REST v1. Sources read for the shapes and codes:
 * - the zibal npm module's README (zibal/zibal on npm) and the multipay driver config
 *   (shetabit/multipay): `POST https://gateway.zibal.ir/v1/request` `{ merchant, amount (Rials),
 *   callbackUrl, description, orderId, mobile }` → `{ trackId, result: 100, message }`; the payer
 *   goes to `/start/{trackId}` and comes back with `?trackId&success=1|0&status&orderId`;
 *   `POST /v1/verify` `{ merchant, trackId }` → `{ result, refNumber, cardNumber (masked), amount,
 *   paidAt, status, orderId }`; merchant `zibal` is the sandbox merchant;
 * - drivers that map the result codes (e.g. the Go client treating 100, 201 and 202 as answers
 *   about the payment rather than errors): 100 success, 102 merchant not found, 103 merchant
 *   inactive, 104 merchant invalid, 105 amount too small, 106 bad callbackUrl, 113 amount over
 *   the limit, 201 already verified, 202 not paid or failed, 203 invalid trackId.
 * Zibal's verify takes no amount, so the amount it reports is compared with ours here.
 */
import { ProviderError, field, requestJson } from '../http/outbound';
import {
  safeMaskedCard,
  type PaymentAsk,
  type PaymentAsked,
  type PaymentGateway,
  type VerifyResult,
} from './gateway';

const REFUSALS: Record<number, string> = {
  102: 'پذیرندهٔ زیبال پیدا نشد.',
  103: 'درگاه زیبال این مرکز فعال نیست.',
  104: 'کد پذیرندهٔ زیبال معتبر نیست.',
  105: 'مبلغ پرداخت کمتر از حد مجاز زیبال است.',
  106: 'نشانی بازگشت از نظر زیبال معتبر نیست.',
  113: 'مبلغ پرداخت بیشتر از سقف زیبال است.',
  202: 'پرداخت انجام نشد یا ناموفق بود.',
  203: 'شناسهٔ پرداخت (trackId) در زیبال معتبر نیست.',
};

const MISMATCH = 'مبلغ پرداخت‌شده با مبلغ این پرداخت یکی نیست.';

export interface ZibalOptions {
  baseUrl: string;
  merchant: string;
  timeoutMs: number;
}

export class ZibalGateway implements PaymentGateway {
  readonly name = 'zibal' as const;
  private readonly base: string;

  constructor(private readonly options: ZibalOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  private refusal(result: number, status: number): ProviderError {
    if (!Number.isFinite(result)) {
      return new ProviderError(`http-${status}`, 'پاسخ زیبال قابل خواندن نبود.', status >= 500);
    }
    const text = REFUSALS[result] ?? `زیبال درخواست را نپذیرفت (کد ${result}).`;
    return new ProviderError(`zibal-${result}`, text, false);
  }

  async request(ask: PaymentAsk): Promise<PaymentAsked> {
    const response = await requestJson(`${this.base}/v1/request`, {
      method: 'POST',
      body: {
        merchant: this.options.merchant,
        amount: ask.amountRial,
        callbackUrl: ask.callbackUrl,
        description: ask.description,
        orderId: ask.orderId,
        ...(ask.mobile ? { mobile: ask.mobile } : {}),
      },
      timeoutMs: this.options.timeoutMs,
    });
    const result = Number(field(response.body, 'result'));
    const trackId = field(response.body, 'trackId');
    if (result === 100 && (typeof trackId === 'number' || typeof trackId === 'string')) {
      return { authority: String(trackId), redirectUrl: `${this.base}/start/${trackId}` };
    }
    throw this.refusal(result, response.status);
  }

  async verify(attempt: { authority: string; amountRial: number }): Promise<VerifyResult> {
    const trackId = Number(attempt.authority);
    const response = await requestJson(`${this.base}/v1/verify`, {
      method: 'POST',
      body: { merchant: this.options.merchant, trackId },
      timeoutMs: this.options.timeoutMs,
    });
    const body = response.body;
    const result = Number(field(body, 'result'));
    if (result === 100 || result === 201) {
      const amount = Number(field(body, 'amount'));
      if (Number.isFinite(amount) && amount !== attempt.amountRial) {
        return { outcome: 'amount-mismatch', reason: MISMATCH };
      }
      const ref = field(body, 'refNumber');
      return {
        outcome: 'verified',
        refId: typeof ref === 'number' || typeof ref === 'string' ? String(ref) : attempt.authority,
        cardMasked: safeMaskedCard(field(body, 'cardNumber')),
        already: result === 201,
      };
    }
    if (result === 202 || result === 203) {
      return { outcome: 'failed', reason: REFUSALS[result]! };
    }
    const error = this.refusal(result, response.status);
    if (!error.retryable && Number.isFinite(result))
      return { outcome: 'failed', reason: error.reason };
    throw error;
  }
}

/** Zibal's callback query: `trackId`, `success` (1 when paid) and `status`. */
export function zibalCallback(query: Record<string, unknown>) {
  const trackId = query.trackId;
  if (typeof trackId !== 'string' || !/^\d{1,20}$/.test(trackId)) return null;
  return { authority: trackId, paid: query.success === '1' };
}
