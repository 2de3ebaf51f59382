/** GET the device's center's current signed licence (device auth); desks verify it themselves. */
import type { FastifyInstance } from 'fastify';
import type { SignedLicence } from '../../../shared/domain/licence';
import { setupPaths } from '../../../shared/sync/protocol';
import { deviceOf } from '../http/auth';
import type { SyncStore } from '../store/sync-store';
import type { LicenceIssuer } from './issuer';

export function registerLicenceRoute(
  app: FastifyInstance,
  deps: { store: SyncStore; licences: LicenceIssuer },
): void {
  app.get(setupPaths.licence, async (request): Promise<SignedLicence> => {
    const { signed } = await deps.licences.currentFor(deps.store, deviceOf(request).centerId);
    return signed;
  });
}
