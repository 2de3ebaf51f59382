import { create } from 'zustand';
import type { AuthState, Session } from '../../../shared/api/auth';
import { bridge } from '../lib/bridge';

interface AuthStore {
  state: AuthState | null;
  failed: boolean;
  load(): Promise<void>;
  loggedIn(session: Session): void;
  logout(): Promise<void>;
}

export const useAuth = create<AuthStore>((set, get) => ({
  state: null,
  failed: false,
  async load() {
    try {
      set({ state: await bridge.call('auth.state', {}), failed: false });
    } catch {
      set({ failed: true });
    }
  },
  loggedIn(session) {
    const state = get().state;
    if (state) set({ state: { ...state, session } });
  },
  async logout() {
    await bridge.call('auth.logout', {});
    // The next person starts from their own home page, not from where the last one left off.
    window.location.hash = '#/';
    await get().load();
  },
}));
