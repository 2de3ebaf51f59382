/**
 * ZarinPal v4. Sources read for the shapes and codes:
 * - zarinpal.com/docs/paymentGateway/connectToGateway: `POST /pg/v4/payment/request.json`
 *   `{ merchant_id, amount, currency (IRR|IRT), description, callback_url, metadata: { mobile,
 *   email, order_id } }` → `{ data: { code: 100, authority, fee_type, fee }, errors: [] }`; the
 *   payer goes to `/pg/StartPay/{authority}` and comes back to callback_url with
 *   `?Authority=…&Status=OK|NOK`;
 * - zarinpal.com/docs/sdk/nodejs/method/verify: `POST /pg/v4/payment/verify.json` `{ merchant_id,
 *   amount, authority }` (the amount from our own records) → `{ data: { code, ref_id, card_pan,
 *   card_hash, fee_type, fee } }`; code 100 verified now, 101 verified before (the same payment
 *   verified again: idempotent, never a second credit);
 * - zarinpal.com/docs/paymentGateway/errorList: -9 validation, -10 terminal (merchant or IP)
 *   invalid, -11 terminal inactive, -12 too many attempts, -15 suspended, -16/-17 merchant level,
 *   -50 amount differs from the session's, -51 session not paid (failed or cancelled), -52
 *   unexpected, -53 session of another merchant, -54 invalid authority.
 * Errors arrive as `{ data: [], errors: { code, message } }` (often with an HTTP 4xx).
 */
import { ProviderError, field, requestJson } from '../http/outbound';
import {
  safeMaskedCard,
  type GatewayName,
  type PaymentAsk,
  type PaymentAsked,
  type PaymentGateway,
  type VerifyResult,
} from './gateway';

const REFUSALS: Record<number, string> = {
  [-9]: 'اطلاعات درخواست پرداخت از نظر زرین‌پال کامل یا درست نیست.',
  [-10]: 'کد پذیرنده (مرچنت) یا IP سرور در زرین‌پال معتبر نیست.',
  [-11]: 'درگاه زرین‌پال این مرکز فعال نیست.',
  [-12]: 'تلاش‌ها بیش از حد مجاز زرین‌پال است؛ کمی بعد دوباره تلاش کنید.',
  [-15]: 'درگاه زرین‌پال این مرکز تعلیق شده است.',
  [-16]: 'سطح پذیرندهٔ زرین‌پال کافی نیست.',
  [-17]: 'سطح پذیرندهٔ زرین‌پال کافی نیست.',
  [-50]: 'مبلغ پرداخت‌شده با مبلغ این پرداخت یکی نیست.',
  [-51]: 'پرداخت انجام نشد یا لغو شد.',
  [-52]: 'زرین‌پال خطای پیش‌بینی‌نشده داد.',
  [-53]: 'این پرداخت به پذیرندهٔ دیگری تعلق دارد.',
  [-54]: 'شناسهٔ پرداخت (authority) در زرین‌پال معتبر نیست.',
};

function code(body: unknown): number {
  const data = field(body, 'data');
  const fromData = Number(field(data, 'code'));
  return Number.isFinite(fromData) ? fromData : Number(field(field(body, 'errors'), 'code'));
}

function reason(c: number): string {
  return REFUSALS[c] ?? `زرین‌پال درخواست را نپذیرفت (کد ${c}).`;
}

export interface ZarinpalOptions {
  /** API and StartPay origin, e.g. https://payment.zarinpal.com or the simulated gateway's. */
  baseUrl: string;
  merchantId: string;
  timeoutMs: number;
  /** The simulated gateway speaks this protocol under its own name. */
  name?: Extract<GatewayName, 'zarinpal' | 'simulated'>;
}

export class ZarinpalGateway implements PaymentGateway {
  readonly name: Extract<GatewayName, 'zarinpal' | 'simulated'>;
  private readonly base: string;

  constructor(private readonly options: ZarinpalOptions) {
    this.name = options.name ?? 'zarinpal';
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  async request(ask: PaymentAsk): Promise<PaymentAsked> {
    const response = await requestJson(`${this.base}/pg/v4/payment/request.json`, {
      method: 'POST',
      body: {
        merchant_id: this.options.merchantId,
        amount: ask.amountRial,
        currency: 'IRR',
        description: ask.description,
        callback_url: ask.callbackUrl,
        metadata: { order_id: ask.orderId, ...(ask.mobile ? { mobile: ask.mobile } : {}) },
      },
      timeoutMs: this.options.timeoutMs,
    });
    const c = code(response.body);
    const authority = field(field(response.body, 'data'), 'authority');
    if (c === 100 && typeof authority === 'string' && /^[A-Za-z0-9]{10,64}$/.test(authority)) {
      return { authority, redirectUrl: `${this.base}/pg/StartPay/${authority}` };
    }
    if (Number.isFinite(c)) {
      throw new ProviderError(`zarinpal${c}`, reason(c), c === -12 || c === -52);
    }
    throw new ProviderError(
      `http-${response.status}`,
      'پاسخ زرین‌پال قابل خواندن نبود.',
      response.status >= 500,
    );
  }

  async verify(attempt: { authority: string; amountRial: number }): Promise<VerifyResult> {
    const response = await requestJson(`${this.base}/pg/v4/payment/verify.json`, {
      method: 'POST',
      body: {
        merchant_id: this.options.merchantId,
        amount: attempt.amountRial,
        authority: attempt.authority,
      },
      timeoutMs: this.options.timeoutMs,
    });
    const c = code(response.body);
    const data = field(response.body, 'data');
    if (c === 100 || c === 101) {
      const refId = field(data, 'ref_id');
      if (typeof refId !== 'number' && typeof refId !== 'string') {
        throw new ProviderError('zarinpal-no-ref', 'زرین‌پال شمارهٔ پیگیری را برنگرداند.', true);
      }
      return {
        outcome: 'verified',
        refId: String(refId),
        cardMasked: safeMaskedCard(field(data, 'card_pan')),
        already: c === 101,
      };
    }
    if (c === -50) return { outcome: 'amount-mismatch', reason: reason(c) };
    if (c === -12 || c === -52 || !Number.isFinite(c)) {
      throw new ProviderError(
        Number.isFinite(c) ? `zarinpal${c}` : `http-${response.status}`,
        Number.isFinite(c) ? reason(c) : 'پاسخ زرین‌پال قابل خواندن نبود.',
        true,
      );
    }
    return { outcome: 'failed', reason: reason(c) };
  }
}

/** ZarinPal's callback query: `Authority` and `Status` (OK when the payer paid). */
export function zarinpalCallback(query: Record<string, unknown>) {
  const authority = query.Authority;
  if (typeof authority !== 'string' || authority === '') return null;
  return { authority, paid: query.Status === 'OK' };
}
