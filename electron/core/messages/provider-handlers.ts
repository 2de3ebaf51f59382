/**
 * The center's SMS provider and its balance (B7) live on the sync server, which sends every
 * message; these calls go there at once, in the acting staff member's name (the server checks
 * `sms.manage` / `sms.view` again). The API key is sent in and never comes back unmasked.
 */
import { AppError } from '../../../shared/api/errors';
import {
  servicePaths,
  type SmsBalanceResponse,
  type SmsSettingsResponse,
} from '../../../shared/sync/protocol';
import type { CoreContext } from '../context';
import type { Handlers } from '../registry';
import { OfflineError, type SyncHttp } from '../sync/http';

const STAFF_HEADER = 'x-staff-id';

async function online<T>(
  ctx: CoreContext,
  run: (http: SyncHttp, headers: Record<string, string>) => Promise<T>,
): Promise<T> {
  const http = ctx.sync.http();
  if (!http)
    throw new AppError(
      'invalid',
      'سرویس پیامک روی سرور مرکز است؛ نخست این رایانه را به سرور مرکز وصل کنید.',
    );
  try {
    return await run(http, { [STAFF_HEADER]: ctx.actor.staffId });
  } catch (error) {
    if (error instanceof OfflineError)
      throw new AppError(
        'offline',
        'سرور مرکز در دسترس نیست؛ تنظیمات و ماندهٔ سرویس پیامک فقط با اتصال به شبکه دیده می‌شود.',
      );
    throw error;
  }
}

export const providerHandlers: Partial<Handlers> = {
  async 'messages.provider'(_args, ctx) {
    return online(ctx, (http, headers) =>
      http.request<SmsSettingsResponse>(
        'GET',
        servicePaths.smsSettings,
        undefined,
        undefined,
        headers,
      ),
    );
  },

  async 'messages.saveProvider'(input, ctx) {
    return online(ctx, (http, headers) =>
      http.request<SmsSettingsResponse>('PUT', servicePaths.smsSettings, input, undefined, headers),
    );
  },

  async 'messages.balance'(_args, ctx) {
    return online(ctx, (http, headers) =>
      http.request<SmsBalanceResponse>(
        'GET',
        servicePaths.smsBalance,
        undefined,
        undefined,
        headers,
      ),
    );
  },
};
