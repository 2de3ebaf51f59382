/**
 * The local outbox as an SMS provider: every "sent" message is a line in the outbox (the file
 * `outbox/sms.jsonl` in the data folder by default), nothing leaves the machine, nothing is
 * charged. A fresh install sends this way until a provider key is entered. It cannot know about
 * delivery, so messages it sends stay `sent`.
 */
import { randomUUID } from 'node:crypto';
import type { SmsOutbox } from '../outbox/sms-outbox';
import type {
  DeliveryReport,
  OutgoingSms,
  SmsBalance,
  SmsProvider,
  SmsSendResult,
} from './provider';

export class OutboxProvider implements SmsProvider {
  readonly name = 'outbox' as const;
  readonly reportsDelivery = false;

  constructor(
    private readonly outbox: SmsOutbox,
    private readonly now: () => Date,
  ) {}

  async send(message: OutgoingSms): Promise<SmsSendResult> {
    await this.outbox.send({
      at: this.now().toISOString(),
      to: message.to,
      text: message.text,
      kind: message.tag ?? 'message',
    });
    return { providerMessageId: `outbox-${randomUUID()}`, costRial: 0 };
  }

  deliveries(): Promise<Map<string, DeliveryReport>> {
    return Promise.resolve(new Map());
  }

  balance(): Promise<SmsBalance> {
    return Promise.resolve({ amount: null, unit: 'none' });
  }
}
