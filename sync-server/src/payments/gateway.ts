/**
 * One interface for online payment gateways (C7, P5): ask for a payment and get where to send the
 * payer, read the gateway's callback, verify. Adapters: ZarinPal v4 and Zibal over their real
 * HTTP APIs, and the local simulated gateway (which speaks ZarinPal's protocol). IDPay and Pay.ir
 * stopped operating in 2025; a new gateway is one more adapter.
 *
 * No card data is ever asked for, received or stored by the product (S2): the payer types the card
 * on the gateway's page. After payment only what the gateway returns is kept — its reference id
 * and the card number as the gateway masked it — and {@link safeMaskedCard} drops anything that
 * could be a whole card number.
 */
export const GATEWAY_NAMES = ['simulated', 'zarinpal', 'zibal'] as const;
export type GatewayName = (typeof GATEWAY_NAMES)[number];

export const GATEWAY_LABELS: Record<GatewayName, string> = {
  simulated: 'درگاه آزمایشی',
  zarinpal: 'زرین‌پال',
  zibal: 'زیبال',
};

export interface PaymentAsk {
  amountRial: number;
  description: string;
  /** Where the gateway sends the payer's browser back (our callback route). */
  callbackUrl: string;
  /** Our payment id, shown to the gateway as the order id. */
  orderId: string;
  mobile?: string;
}

export interface PaymentAsked {
  /** The gateway's id for this attempt (ZarinPal authority, Zibal trackId). */
  authority: string;
  redirectUrl: string;
}

export type VerifyResult =
  | {
      outcome: 'verified';
      refId: string;
      cardMasked: string;
      /** The gateway said it had already been verified (ZarinPal 101, Zibal 201). */
      already: boolean;
    }
  | { outcome: 'amount-mismatch'; reason: string }
  | { outcome: 'failed'; reason: string };

export interface CallbackInfo {
  authority: string;
  /** The gateway says the payer paid (still to be verified). */
  paid: boolean;
}

export interface PaymentGateway {
  readonly name: GatewayName;
  /** Throws ProviderError when the gateway refuses or cannot be reached. */
  request(ask: PaymentAsk): Promise<PaymentAsked>;
  /** Throws ProviderError only when the gateway could not be asked (try again later). */
  verify(attempt: { authority: string; amountRial: number }): Promise<VerifyResult>;
}

export interface GatewayEndpoints {
  /** ZarinPal's API and StartPay origin (sandbox: https://sandbox.zarinpal.com). */
  zarinpal: string;
  zibal: string;
  timeoutMs: number;
}

export const DEFAULT_GATEWAY_ENDPOINTS: GatewayEndpoints = {
  zarinpal: 'https://payment.zarinpal.com',
  zibal: 'https://gateway.zibal.ir',
  timeoutMs: 20_000,
};

/**
 * The card number as the gateway masked it (`502229******5995`, `6037-99**-****-1234`), or ''
 * when it shows more than 10 digits (first six and last four are the most any gateway shows).
 */
export function safeMaskedCard(value: unknown): string {
  if (typeof value !== 'string') return '';
  const text = value.trim().slice(0, 32);
  const digits = text.replace(/\D/g, '').length;
  if (digits > 10 || !/^[\d*xX•\-\s]+$/.test(text) || !/[*xX•]/.test(text)) return '';
  return text;
}
