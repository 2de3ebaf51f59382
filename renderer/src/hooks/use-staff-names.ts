import { useCallback, useMemo } from 'react';
import { staffFullName } from '../../../shared/domain/staff';
import { useCall } from './use-call';

/** A staff id → the name people read ('local-manager' is the desk working alone). */
export function useStaffNames(): (id: string) => string {
  const { data } = useCall('staff.list', {}, ['staff']);
  const names = useMemo(() => new Map((data ?? []).map((s) => [s.id, staffFullName(s)])), [data]);
  return useCallback(
    (id: string) => names.get(id) ?? (id === 'local-manager' ? 'مدیر این رایانه' : '—'),
    [names],
  );
}
