/**
 * One interface for every SMS provider: send one text, ask for delivery reports, read the account
 * balance. Adapters: Kavenegar and SMS.ir (their real HTTP APIs), and the local outbox, which is
 * what a fresh install uses until a center enters its provider's key.
 */
import type { SmsMessage } from '../outbox/sms-outbox';

export const SMS_PROVIDER_NAMES = ['outbox', 'kavenegar', 'smsir'] as const;
export type SmsProviderName = (typeof SMS_PROVIDER_NAMES)[number];

export interface SmsSendResult {
  providerMessageId: string;
  /** What the provider charged, in Rials; 0 when it reports no price in Rials. */
  costRial: number;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface DeliveryReport {
  state: DeliveryState;
  /** Persian, when it failed. */
  reason?: string;
}

export interface SmsBalance {
  /** null when the provider has no balance (the outbox). */
  amount: number | null;
  /** Kavenegar reports Rials; SMS.ir reports its own credit units (SMS). */
  unit: 'rial' | 'sms' | 'none';
}

export interface OutgoingSms {
  /** +989XXXXXXXXX */
  to: string;
  text: string;
  /** How the local outbox labels the line (codes are found by it); providers ignore it. */
  tag?: SmsMessage['kind'];
}

export interface SmsProvider {
  readonly name: SmsProviderName;
  /** Whether {@link SmsProvider.deliveries} can tell anything. */
  readonly reportsDelivery: boolean;
  /** Throws a ProviderError when the provider refuses or cannot be reached. */
  send(message: OutgoingSms): Promise<SmsSendResult>;
  /** Reports for provider message ids; ids it does not know are left out. */
  deliveries(ids: readonly string[]): Promise<Map<string, DeliveryReport>>;
  balance(): Promise<SmsBalance>;
}

/** Where the real providers live; tests point these at local fakes. */
export interface SmsEndpoints {
  kavenegar: string;
  smsir: string;
  timeoutMs: number;
}

export const DEFAULT_SMS_ENDPOINTS: SmsEndpoints = {
  kavenegar: 'https://api.kavenegar.com',
  smsir: 'https://api.sms.ir',
  timeoutMs: 15_000,
};
