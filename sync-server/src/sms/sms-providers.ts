/**
 * Which provider sends for whom: a center's own (its settings, key opened from the vault), else
 * the system provider — the operator's (SYNC_SMS_* in the environment) or, on a fresh install,
 * the local outbox. Sign-up codes (no center yet) and patient codes always use the system one.
 */
import { ProviderError } from '../http/outbound';
import type { ProviderSettingsVault } from '../secrets/provider-settings';
import { KavenegarProvider } from './kavenegar';
import type { SmsEndpoints, SmsProvider, SmsProviderName } from './provider';
import { SmsIrProvider } from './sms-ir';

export function isSmsProviderName(value: string): value is SmsProviderName {
  return value === 'outbox' || value === 'kavenegar' || value === 'smsir';
}

/** A remote provider with its key; throws when the key is missing. */
export function remoteSmsProvider(
  name: Exclude<SmsProviderName, 'outbox'>,
  apiKey: string,
  sender: string,
  endpoints: SmsEndpoints,
): SmsProvider {
  if (apiKey === '') {
    throw new ProviderError('no-key', 'کلید API سرویس پیامک وارد نشده است.', true);
  }
  return name === 'kavenegar'
    ? new KavenegarProvider({
        baseUrl: endpoints.kavenegar,
        apiKey,
        sender,
        timeoutMs: endpoints.timeoutMs,
      })
    : new SmsIrProvider({
        baseUrl: endpoints.smsir,
        apiKey,
        sender,
        timeoutMs: endpoints.timeoutMs,
      });
}

export class SmsProviders {
  constructor(
    private readonly vault: ProviderSettingsVault,
    private readonly endpoints: SmsEndpoints,
    /** The operator's provider (the outbox unless configured). */
    readonly system: SmsProvider,
    /** The local outbox, for a center that chose it explicitly. */
    private readonly outbox: SmsProvider,
  ) {}

  async forCenter(centerId: string): Promise<SmsProvider> {
    const settings = await this.vault.read(centerId, 'sms');
    if (!settings || !isSmsProviderName(settings.provider)) return this.system;
    if (settings.provider === 'outbox') return this.outbox;
    return remoteSmsProvider(
      settings.provider,
      settings.secret ?? '',
      settings.public.sender ?? '',
      this.endpoints,
    );
  }
}
