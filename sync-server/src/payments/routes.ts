/**
 * Payments over HTTP: the gateways' callback (public: the payer's browser comes back through it)
 * and a center's gateway settings from a desk (device-authenticated, acting staff with
 * `settings.edit`; the merchant id goes in and comes out masked).
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../shared/api/errors';
import {
  gatewaySettingsInputSchema,
  servicePaths,
  type GatewaySettingsResponse,
} from '../../../shared/sync/protocol';
import { actingStaff } from '../http/acting-staff';
import { deviceOf } from '../http/auth';
import { parseOrInvalid } from '../replication/validate';
import { maskSecret, type ProviderSettingsVault } from '../secrets/provider-settings';
import type { SyncStore } from '../store/sync-store';
import { isGatewayName } from './gateways';
import { handleCallback, type PaymentDeps } from './payments';

const MERCHANT_NEEDED = 'کد پذیرندهٔ (مرچنت) این درگاه را وارد کنید.';

export function registerPaymentCallback(app: FastifyInstance, deps: PaymentDeps): void {
  app.get<{ Params: { gateway: string }; Querystring: Record<string, unknown> }>(
    servicePaths.paymentCallback(':gateway'),
    async (request, reply) => {
      const location = await handleCallback(deps, request.params.gateway, request.query);
      request.log.info({ gateway: request.params.gateway }, 'payment callback');
      return reply.code(302).header('location', location).send();
    },
  );
}

async function current(
  vault: ProviderSettingsVault,
  centerId: string,
): Promise<GatewaySettingsResponse> {
  const settings = await vault.read(centerId, 'gateway');
  if (!settings || !isGatewayName(settings.provider)) {
    return { gateway: 'simulated', merchantId: null, isDefault: true, updatedAt: null };
  }
  return {
    gateway: settings.provider,
    merchantId: maskSecret(settings.secret),
    isDefault: false,
    updatedAt: settings.updatedAt,
  };
}

export function registerGatewaySettingsRoutes(
  app: FastifyInstance,
  deps: { store: SyncStore; vault: ProviderSettingsVault; now: () => Date },
): void {
  app.get(servicePaths.gatewaySettings, async (request): Promise<GatewaySettingsResponse> => {
    await actingStaff(deps.store, request, 'settings.edit');
    return current(deps.vault, deviceOf(request).centerId);
  });

  app.put(servicePaths.gatewaySettings, async (request): Promise<GatewaySettingsResponse> => {
    const device = deviceOf(request);
    const staff = await actingStaff(deps.store, request, 'settings.edit');
    const input = parseOrInvalid(
      gatewaySettingsInputSchema,
      request.body,
      'تنظیمات درگاه معتبر نیست.',
    );
    let secret: string | null = null;
    if (input.gateway !== 'simulated') {
      const stored = await deps.vault.read(device.centerId, 'gateway');
      const kept = stored?.provider === input.gateway ? stored.secret : null;
      secret = input.merchantId === undefined ? kept : input.merchantId.trim();
      if (!secret)
        throw new AppError('invalid', MERCHANT_NEEDED, { fields: { merchantId: MERCHANT_NEEDED } });
    }
    await deps.vault.write(
      device.centerId,
      'gateway',
      { provider: input.gateway, public: {}, secret },
      { staffId: staff.id, at: deps.now().toISOString() },
    );
    request.log.info({ gateway: input.gateway }, 'gateway settings saved');
    return current(deps.vault, device.centerId);
  });
}
