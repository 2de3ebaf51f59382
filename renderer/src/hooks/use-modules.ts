import { useCall } from './use-call';

export interface ModuleState {
  /** Both answers are in: until then nothing is offered or explained. */
  loaded: boolean;
  enabled: boolean;
}

/**
 * Whether the inventory add-on (C6) is usable here: on an enrolled desk the signed licence must list
 * it; a desk working alone has no licence and keeps every part. The core decides the same way
 * (electron/core/money/modules.ts), so what is offered here is what it accepts.
 */
export function useInventoryModule(): ModuleState {
  const info = useCall('sync.info', {}).data;
  const licence = useCall('licence.status', {}).data;
  if (!info || (info.enrolled && !licence)) return { loaded: false, enabled: false };
  return {
    loaded: true,
    enabled: !info.enrolled || (licence?.modules.includes('inventory') ?? false),
  };
}
