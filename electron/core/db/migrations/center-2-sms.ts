/** center v1 → v2: SMS templates, which automatic messages go out, reminder lead time, quiet hours. */
import { CENTER_V2_DEFAULTS } from '../../../../shared/domain/center';

export function centerV2(doc: Record<string, unknown>): Record<string, unknown> {
  return { ...structuredClone(CENTER_V2_DEFAULTS), ...doc };
}
