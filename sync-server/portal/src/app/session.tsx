/**
 * The signed-in account (or none) and the CSRF token, from `GET /session`. Fetched at start and
 * again after anything that changes the session (login, registration, logout, closing the account),
 * because the server may rotate the token with the session.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { PortalAccount } from '../../../../shared/portal/contract';
import { setCsrfToken, setSessionHooks } from '../lib/api';
import { api } from '../lib/endpoints';
import { asPortalError, type PortalError } from '../lib/errors';

export interface Session {
  /** 'loading' until the first answer; 'error' when the server could not be reached at all. */
  state: 'loading' | 'ready' | 'error';
  account: PortalAccount | null;
  error: PortalError | null;
  /** Fetches the session again; resolves with the account. */
  refresh(): Promise<PortalAccount | null>;
  /** Replaces the account after a profile edit. */
  setAccount(account: PortalAccount | null): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<Session['state']>('loading');
  const [account, setAccount] = useState<PortalAccount | null>(null);
  const [error, setError] = useState<PortalError | null>(null);

  const refresh = useCallback(
    () =>
      api.session().then(
        (session) => {
          setCsrfToken(session.csrfToken);
          setAccount(session.account);
          setError(null);
          setState('ready');
          return session.account;
        },
        (e: unknown) => {
          const problem = asPortalError(e);
          setError(problem);
          setState((s) => (s === 'loading' ? 'error' : s));
          throw problem;
        },
      ),
    [],
  );

  useEffect(() => {
    setSessionHooks({
      refreshCsrf: async () => {
        await refresh();
      },
      sessionEnded: () => setAccount(null),
    });
    refresh().catch(() => undefined);
  }, [refresh]);

  const value = useMemo<Session>(
    () => ({ state, account, error, refresh, setAccount }),
    [state, account, error, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
