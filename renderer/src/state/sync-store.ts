import { create } from 'zustand';
import type { SyncStatus } from '../../../shared/api/events';
import { bridge } from '../lib/bridge';

interface SyncStore {
  status: SyncStatus | null;
  /** The core could not be reached (the host stopped). */
  coreUnreachable: boolean;
  start(): () => void;
}

export const useSyncStore = create<SyncStore>((set) => ({
  status: null,
  coreUnreachable: false,
  start() {
    const off = bridge.on('sync-status', (status) => set({ status }));
    bridge.call('sync.status', {}).then(
      (status) => set({ status, coreUnreachable: false }),
      () => set({ coreUnreachable: true }),
    );
    return off;
  },
}));
