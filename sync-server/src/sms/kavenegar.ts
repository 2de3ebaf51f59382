/**
 * Kavenegar's REST API v1. Sources read for the shapes and codes:
 * - kavenegar.com/rest.html (the REST guide: `https://api.kavenegar.com/v1/{API-KEY}/{scope}/{method}.json`,
 *   every answer `{ return: { status, message }, entries }`, status 200 = accepted);
 * - the official SDKs kavenegar/kavenegar-go (client.go, message.go, message_status.go,
 *   account_Info.go) and kavenegar/kavenegar-node's README: `sms/send.json` with receptor,
 *   message, sender → entries `[{ messageid, status, statustext, cost, … }]` (cost in Rials);
 *   `sms/status.json` with comma-separated `messageid` → `[{ messageid, status, statustext }]`;
 *   `account/info.json` → `{ remaincredit, expiredate, type }` (Rials); error statuses come with
 *   a non-200 HTTP status and the same JSON;
 * - the message statuses enum of kavenegar/kavenegar-dotnet (Models/Enums/MessageStatus.cs):
 *   1 queued, 2 scheduled, 4 sent to the centre, 5 sent to the carrier, 10 delivered,
 *   11 undelivered, 13 cancelled, 14 filtered (blocked), 100 unknown id.
 *
 * Hazard: the API key is part of the URL path. The URL is built here and never leaves this file:
 * errors carry codes and Persian reasons only, and nothing here logs.
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

/** Kavenegar's `return.status` codes other than 200, in Persian, and whether a retry may help. */
const REFUSALS: Record<number, [string, boolean]> = {
  400: ['پارامترهای ارسال به کاوه‌نگار کامل نبود.', false],
  401: ['حساب کاوه‌نگار غیرفعال شده است.', true],
  402: ['کاوه‌نگار عملیات را انجام نداد.', true],
  403: ['کلید API کاوه‌نگار معتبر نیست.', true],
  404: ['متد درخواستی در کاوه‌نگار وجود ندارد.', false],
  405: ['روش درخواست به کاوه‌نگار نادرست است.', false],
  406: ['پارامترهای اجباری ارسال به کاوه‌نگار خالی است.', false],
  407: ['دسترسی به این اطلاعات در کاوه‌نگار مجاز نیست.', true],
  409: ['سرور کاوه‌نگار موقتاً پاسخ نمی‌دهد.', true],
  411: ['شمارهٔ گیرنده از نظر کاوه‌نگار معتبر نیست.', false],
  412: ['خط ارسال‌کننده در کاوه‌نگار معتبر نیست.', true],
  413: ['متن پیامک خالی یا بیش از حد طولانی است.', false],
  414: ['تعداد گیرندگان از حد مجاز کاوه‌نگار بیشتر است.', false],
  416: ['نشانی IP این سرور در کاوه‌نگار مجاز نیست.', true],
  417: ['زمان ارسال از نظر کاوه‌نگار معتبر نیست.', false],
  418: ['اعتبار حساب کاوه‌نگار کافی نیست؛ حساب را شارژ کنید.', true],
  422: ['متن پیامک نویسه‌های غیرمجاز دارد.', false],
};

const DELIVERY: Record<number, DeliveryReport> = {
  1: { state: 'pending' },
  2: { state: 'pending' },
  4: { state: 'pending' },
  5: { state: 'pending' },
  10: { state: 'delivered' },
  11: { state: 'failed', reason: 'پیامک به گوشی گیرنده نرسید.' },
  13: { state: 'failed', reason: 'ارسال پیامک در کاوه‌نگار لغو شد.' },
  14: { state: 'failed', reason: 'گیرنده دریافت پیامک از این خط را مسدود کرده است.' },
  100: { state: 'failed', reason: 'کاوه‌نگار این پیامک را نمی‌شناسد.' },
};

export interface KavenegarOptions {
  baseUrl: string;
  apiKey: string;
  /** The sender line; empty for the account's default line. */
  sender: string;
  timeoutMs: number;
}

export class KavenegarProvider implements SmsProvider {
  readonly name = 'kavenegar' as const;
  readonly reportsDelivery = true;

  constructor(private readonly options: KavenegarOptions) {}

  private async call(scope: string, params: URLSearchParams): Promise<unknown> {
    const base = this.options.baseUrl.replace(/\/+$/, '');
    const url = `${base}/v1/${encodeURIComponent(this.options.apiKey)}/${scope}.json`;
    const response = await requestJson(url, {
      method: 'POST',
      body: params,
      timeoutMs: this.options.timeoutMs,
    });
    const status = Number(field(field(response.body, 'return'), 'status'));
    if (response.status === 200 && status === 200) return field(response.body, 'entries');
    if (Number.isInteger(status) && status !== 200) {
      const [reason, retryable] = REFUSALS[status] ?? [
        `کاوه‌نگار درخواست را نپذیرفت (کد ${status}).`,
        status >= 500,
      ];
      throw new ProviderError(`kavenegar-${status}`, reason, retryable);
    }
    throw new ProviderError(
      `http-${response.status}`,
      'پاسخ کاوه‌نگار قابل خواندن نبود.',
      response.status >= 500 || response.status === 429,
    );
  }

  async send(message: OutgoingSms): Promise<SmsSendResult> {
    const params = new URLSearchParams({
      receptor: mobileLocal(message.to),
      message: message.text,
    });
    if (this.options.sender !== '') params.set('sender', this.options.sender);
    const entries = await this.call('sms/send', params);
    const entry = Array.isArray(entries) ? (entries[0] as unknown) : undefined;
    const id = field(entry, 'messageid');
    if (typeof id !== 'number' && typeof id !== 'string') {
      throw new ProviderError('kavenegar-no-id', 'کاوه‌نگار شناسهٔ پیامک را برنگرداند.', true);
    }
    const cost = Number(field(entry, 'cost'));
    return {
      providerMessageId: String(id),
      costRial: Number.isFinite(cost) && cost >= 0 ? Math.round(cost) : 0,
    };
  }

  async deliveries(ids: readonly string[]): Promise<Map<string, DeliveryReport>> {
    const reports = new Map<string, DeliveryReport>();
    // Kavenegar takes at most 500 ids per call.
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const entries = await this.call(
        'sms/status',
        new URLSearchParams({ messageid: chunk.join(',') }),
      );
      for (const entry of Array.isArray(entries) ? (entries as unknown[]) : []) {
        const id = field(entry, 'messageid');
        const report = DELIVERY[Number(field(entry, 'status'))];
        if (report && (typeof id === 'number' || typeof id === 'string')) {
          reports.set(String(id), report);
        }
      }
    }
    return reports;
  }

  async balance(): Promise<SmsBalance> {
    const entries = await this.call('account/info', new URLSearchParams());
    const amount = Number(field(entries, 'remaincredit'));
    if (!Number.isFinite(amount)) {
      throw new ProviderError('kavenegar-no-credit', 'کاوه‌نگار مانده را برنگرداند.', true);
    }
    return { amount, unit: 'rial' };
  }
}
