/**
 * Which gateway takes a center's payments: its own (ZarinPal or Zibal, merchant id opened from the
 * vault) or, on a fresh install, the simulated gateway mounted in this server.
 */
import { ProviderError } from '../http/outbound';
import type { ProviderSettingsVault } from '../secrets/provider-settings';
import type { GatewayEndpoints, GatewayName, PaymentGateway } from './gateway';
import { ZarinpalGateway } from './zarinpal';
import { ZibalGateway } from './zibal';

/** The merchant id the simulated gateway is asked with (it accepts any). */
export const SIMULATED_MERCHANT = '00000000-0000-0000-0000-000000000000';

export function isGatewayName(value: string): value is GatewayName {
  return value === 'simulated' || value === 'zarinpal' || value === 'zibal';
}

export class Gateways {
  constructor(
    private readonly vault: ProviderSettingsVault,
    private readonly endpoints: GatewayEndpoints,
    /** Where the simulated gateway answers (this server's public URL + its mount path). */
    private readonly simulatedUrl: () => string,
  ) {}

  /** The gateway a center uses now. */
  async current(centerId: string): Promise<GatewayName> {
    const settings = await this.vault.read(centerId, 'gateway');
    return settings && isGatewayName(settings.provider) ? settings.provider : 'simulated';
  }

  /** An adapter for `name` with the center's merchant id (the simulated one needs none). */
  async adapter(centerId: string, name: GatewayName): Promise<PaymentGateway> {
    if (name === 'simulated') {
      return new ZarinpalGateway({
        baseUrl: this.simulatedUrl(),
        merchantId: SIMULATED_MERCHANT,
        timeoutMs: this.endpoints.timeoutMs,
        name: 'simulated',
      });
    }
    const settings = await this.vault.read(centerId, 'gateway');
    const merchant = settings?.provider === name ? (settings.secret ?? '') : '';
    if (merchant === '') {
      throw new ProviderError(
        'no-merchant',
        'کد پذیرندهٔ درگاه پرداخت این مرکز وارد نشده است.',
        false,
      );
    }
    return name === 'zarinpal'
      ? new ZarinpalGateway({
          baseUrl: this.endpoints.zarinpal,
          merchantId: merchant,
          timeoutMs: this.endpoints.timeoutMs,
        })
      : new ZibalGateway({
          baseUrl: this.endpoints.zibal,
          merchant,
          timeoutMs: this.endpoints.timeoutMs,
        });
  }
}
