import { create } from 'zustand';

export interface Notice {
  id: number;
  text: string;
  severity: 'success' | 'error' | 'info' | 'warning';
}

interface NotifyStore {
  notice: Notice | null;
  notify(text: string, severity?: Notice['severity']): void;
  dismiss(): void;
}

let next = 1;

/** One transient message at a time (a snackbar), newest wins. */
export const useNotify = create<NotifyStore>((set) => ({
  notice: null,
  notify: (text, severity = 'success') => set({ notice: { id: next++, text, severity } }),
  dismiss: () => set({ notice: null }),
}));
