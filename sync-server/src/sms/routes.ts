/**
 * A center's SMS provider settings and balance (B7), from a desk: device-authenticated, with the
 * acting staff member in `x-staff-id` (http/acting-staff.ts). Settings need `sms.manage`; the
 * balance needs only `sms.view`, because the SMS queue that shows it (B7) is open to reception.
 * The API key goes in (PUT) and never comes out: answers carry it masked. Nothing here logs a key.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../shared/api/errors';
import {
  servicePaths,
  smsSettingsInputSchema,
  type SmsBalanceResponse,
  type SmsSettingsResponse,
} from '../../../shared/sync/protocol';
import { actingStaff } from '../http/acting-staff';
import { deviceOf } from '../http/auth';
import { ProviderError } from '../http/outbound';
import { parseOrInvalid } from '../replication/validate';
import { maskSecret, type ProviderSettingsVault } from '../secrets/provider-settings';
import type { SyncStore } from '../store/sync-store';
import { isSmsProviderName, type SmsProviders } from './sms-providers';

export interface SmsRouteDeps {
  store: SyncStore;
  vault: ProviderSettingsVault;
  providers: SmsProviders;
  now: () => Date;
}

const KEY_NEEDED = 'برای این سرویس پیامک کلید API لازم است.';
const LINE_NEEDED = 'برای SMS.ir شمارهٔ خط ارسال (فقط رقم) لازم است.';

async function current(deps: SmsRouteDeps, centerId: string): Promise<SmsSettingsResponse> {
  const settings = await deps.vault.read(centerId, 'sms');
  if (!settings || !isSmsProviderName(settings.provider)) {
    return { provider: 'outbox', sender: '', apiKey: null, isDefault: true, updatedAt: null };
  }
  return {
    provider: settings.provider,
    sender: settings.public.sender ?? '',
    apiKey: maskSecret(settings.secret),
    isDefault: false,
    updatedAt: settings.updatedAt,
  };
}

export function registerSmsRoutes(app: FastifyInstance, deps: SmsRouteDeps): void {
  app.get(servicePaths.smsSettings, async (request): Promise<SmsSettingsResponse> => {
    await actingStaff(deps.store, request, 'sms.manage');
    return current(deps, deviceOf(request).centerId);
  });

  app.put(servicePaths.smsSettings, async (request): Promise<SmsSettingsResponse> => {
    const device = deviceOf(request);
    const staff = await actingStaff(deps.store, request, 'sms.manage');
    const input = parseOrInvalid(smsSettingsInputSchema, request.body, 'تنظیمات پیامک معتبر نیست.');
    const sender = input.sender.trim();
    if (input.provider !== 'outbox') {
      const stored = await deps.vault.read(device.centerId, 'sms');
      const keptKey = stored?.provider === input.provider ? stored.secret : null;
      const key = input.apiKey === undefined ? keptKey : input.apiKey.trim();
      if (!key) throw new AppError('invalid', KEY_NEEDED, { fields: { apiKey: KEY_NEEDED } });
      if (input.provider === 'smsir' && !/^\d{5,20}$/.test(sender)) {
        throw new AppError('invalid', LINE_NEEDED, { fields: { sender: LINE_NEEDED } });
      }
      await deps.vault.write(
        device.centerId,
        'sms',
        { provider: input.provider, public: { sender }, secret: key },
        { staffId: staff.id, at: deps.now().toISOString() },
      );
    } else {
      await deps.vault.write(
        device.centerId,
        'sms',
        { provider: 'outbox', public: { sender: '' }, secret: null },
        { staffId: staff.id, at: deps.now().toISOString() },
      );
    }
    request.log.info({ provider: input.provider }, 'sms settings saved');
    return current(deps, device.centerId);
  });

  app.get(servicePaths.smsBalance, async (request): Promise<SmsBalanceResponse> => {
    const device = deviceOf(request);
    await actingStaff(deps.store, request, 'sms.view');
    const provider = await deps.providers.forCenter(device.centerId);
    try {
      const balance = await provider.balance();
      return { provider: provider.name, ...balance };
    } catch (error) {
      if (error instanceof ProviderError) {
        throw new AppError('offline', `مانده از سرویس پیامک خوانده نشد: ${error.reason}`, {
          reason: 'provider',
          provider: provider.name,
        });
      }
      throw error;
    }
  });
}
