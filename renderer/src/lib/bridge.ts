import type { Bridge } from '../../../shared/api/contract';
import { bridgeFromTransport } from '../../../shared/api/transport';
import { createHttpTransport } from './http-transport';

/** The one bridge of this window: Electron's preload transport if present, else the node-host's. */
export const bridge: Bridge = bridgeFromTransport(window.clinicTransport ?? createHttpTransport());
