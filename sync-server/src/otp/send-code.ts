/**
 * Sends a one-time code by SMS, now, through a provider — never through the synced SMS queue:
 * codes must not reach any desk. A provider's refusal becomes `offline` (503) with its Persian
 * reason; the code stays stored, so asking again later goes through the usual limits.
 */
import { AppError } from '../../../shared/api/errors';
import { ProviderError } from '../http/outbound';
import type { SmsMessage } from '../outbox/sms-outbox';
import type { SmsProvider } from '../sms/provider';

export async function sendCodeSms(
  provider: SmsProvider,
  message: { to: string; text: string; tag: SmsMessage['kind'] },
): Promise<void> {
  try {
    await provider.send(message);
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    throw new AppError('offline', `پیامک کد فرستاده نشد: ${error.reason}`, {
      reason: 'sms-provider',
      provider: provider.name,
    });
  }
}
