import { useMemo } from 'react';
import type { PermissionId } from '../../../shared/auth/rights';
import { useAuth } from '../state/auth-store';

export interface Rights {
  /** False on a desk that works alone (not enrolled): nobody logs in and everything is open. */
  enforced: boolean;
  has(permission: PermissionId): boolean;
  /** True when any of `permissions` is held (or the list is empty). */
  any(permissions: readonly PermissionId[]): boolean;
}

/**
 * What the person at this desk may do, for hiding what they cannot use. The core refuses the
 * calls anyway (`forbidden`); this only keeps the screens honest.
 */
export function useRights(): Rights {
  const state = useAuth((s) => s.state);
  return useMemo(() => {
    const enforced = state?.loginRequired ?? false;
    const held = new Set<PermissionId>(state?.session?.rights ?? []);
    const has = (permission: PermissionId) => !enforced || held.has(permission);
    return {
      enforced,
      has,
      any: (permissions) => permissions.length === 0 || permissions.some(has),
    };
  }, [state]);
}
