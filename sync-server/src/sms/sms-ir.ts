/**
 * SMS.ir's REST API v1. Sources read for the shapes and codes:
 * - sms.ir/developer-web-service/rest-api/ (the REST guide: `X-API-KEY` header, HTTP 200 success,
 *   400 logical error, 401 authentication, 429 too many requests, 500 unexpected; every answer
 *   `{ status, message, data }` with `status: 1` for success);
 * - hadizareirani/SmsPanelV2.TypeScript (src/send/sendBulk.ts, src/report/reportMessage.ts,
 *   src/settings/getCredit.ts): `POST /v1/send/bulk` `{ lineNumber, messageText, mobiles }` →
 *   `{ packId, messageIds, cost }`; `GET /v1/send/{messageId}` → `{ deliveryState, … }`;
 *   `GET /v1/credit` → the credit as a number;
 * - the status table of sms.ir/rest-api/ as quoted by drivers that translate it (0 server error,
 *   10–14 key or account problems, 20 too many requests, 101 bad line, 102 no credit,
 *   103 empty text, 104 bad mobile, 115 blacklisted…) and the delivery states 1 delivered,
 *   2 not delivered to the phone, 3 at the telecom, 4 not delivered to the telecom, 5 at the
 *   operator, 6 failed, 7 blacklisted, 8 unknown.
 *
 * SMS.ir prices messages in its own credit units, not Rials, so `costRial` stays 0 and the
 * balance is reported in those units.
 */
import { mobileLocal } from '../../../shared/text/identity';
import { ProviderError, field, requestJson } from '../http/outbound';
import type {
  DeliveryReport,
  OutgoingSms,
  SmsBalance,
  SmsProvider,
  SmsSendResult,
} from './provider';

const REFUSALS: Record<number, [string, boolean]> = {
  0: ['سامانهٔ SMS.ir خطای داخلی داد.', true],
  10: ['کلید API سامانهٔ SMS.ir معتبر نیست.', true],
  11: ['کلید API سامانهٔ SMS.ir غیرفعال است.', true],
  12: ['کلید API سامانهٔ SMS.ir به IP دیگری محدود است.', true],
  13: ['حساب SMS.ir غیرفعال است.', true],
  14: ['حساب SMS.ir تعلیق شده است.', true],
  20: ['تعداد درخواست‌ها به SMS.ir بیش از حد مجاز است.', true],
  101: ['شمارهٔ خط ارسال در SMS.ir معتبر نیست.', true],
  102: ['اعتبار حساب SMS.ir کافی نیست؛ حساب را شارژ کنید.', true],
  103: ['متن پیامک خالی است.', false],
  104: ['شمارهٔ گیرنده از نظر SMS.ir معتبر نیست.', false],
  105: ['تعداد گیرندگان از حد مجاز SMS.ir بیشتر است.', false],
  111: ['SMS.ir این پیامک را نمی‌شناسد.', false],
  115: ['شمارهٔ گیرنده در فهرست سیاه SMS.ir است.', false],
  123: ['خط ارسال در SMS.ir فعال نشده است.', true],
};

const DELIVERY: Record<number, DeliveryReport> = {
  1: { state: 'delivered' },
  2: { state: 'failed', reason: 'پیامک به گوشی گیرنده نرسید.' },
  3: { state: 'pending' },
  4: { state: 'failed', reason: 'پیامک به مخابرات نرسید.' },
  5: { state: 'pending' },
  6: { state: 'failed', reason: 'ارسال پیامک ناموفق بود.' },
  7: { state: 'failed', reason: 'شمارهٔ گیرنده در فهرست سیاه است.' },
  8: { state: 'pending' },
};

export interface SmsIrOptions {
  baseUrl: string;
  apiKey: string;
  /** The line number (digits). */
  sender: string;
  timeoutMs: number;
}

export class SmsIrProvider implements SmsProvider {
  readonly name = 'smsir' as const;
  readonly reportsDelivery = true;

  constructor(private readonly options: SmsIrOptions) {}

  private async call(
    method: 'GET' | 'POST',
    path: string,
    body?: Record<string, unknown>,
  ): Promise<unknown> {
    const base = this.options.baseUrl.replace(/\/+$/, '');
    const response = await requestJson(`${base}${path}`, {
      method,
      headers: { 'x-api-key': this.options.apiKey },
      ...(body ? { body } : {}),
      timeoutMs: this.options.timeoutMs,
    });
    const status = Number(field(response.body, 'status'));
    if (response.status === 200 && status === 1) return field(response.body, 'data');
    if (Number.isInteger(status) && status !== 1) {
      const [reason, retryable] = REFUSALS[status] ?? [
        `SMS.ir درخواست را نپذیرفت (کد ${status}).`,
        response.status >= 500,
      ];
      throw new ProviderError(`smsir-${status}`, reason, retryable);
    }
    if (response.status === 401) {
      throw new ProviderError('smsir-401', REFUSALS[10]![0], true);
    }
    throw new ProviderError(
      `http-${response.status}`,
      'پاسخ SMS.ir قابل خواندن نبود.',
      response.status >= 500 || response.status === 429,
    );
  }

  async send(message: OutgoingSms): Promise<SmsSendResult> {
    const data = await this.call('POST', '/v1/send/bulk', {
      lineNumber: Number(this.options.sender),
      messageText: message.text,
      mobiles: [mobileLocal(message.to)],
    });
    const ids = field(data, 'messageIds');
    const id = Array.isArray(ids) ? (ids[0] as unknown) : undefined;
    if (typeof id !== 'number' && typeof id !== 'string') {
      throw new ProviderError('smsir-no-id', 'SMS.ir شناسهٔ پیامک را برنگرداند.', true);
    }
    return { providerMessageId: String(id), costRial: 0 };
  }

  async deliveries(ids: readonly string[]): Promise<Map<string, DeliveryReport>> {
    const reports = new Map<string, DeliveryReport>();
    // One report per call: SMS.ir has no batch report by message id.
    for (const id of ids) {
      if (!/^\d{1,20}$/.test(id)) continue;
      const data = await this.call('GET', `/v1/send/${id}`);
      const report = DELIVERY[Number(field(data, 'deliveryState'))];
      if (report) reports.set(id, report);
    }
    return reports;
  }

  async balance(): Promise<SmsBalance> {
    const amount = Number(await this.call('GET', '/v1/credit'));
    if (!Number.isFinite(amount)) {
      throw new ProviderError('smsir-no-credit', 'SMS.ir اعتبار را برنگرداند.', true);
    }
    return { amount, unit: 'sms' };
  }
}
