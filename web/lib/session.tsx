'use client';

import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { ApiError, api, onUnauthorized } from './api';
import { clearSession, getAccessToken, isPlatformOperator } from './auth-client';
import type { Me, PlatformOperator, Role } from '../api/contract';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'error'; error: unknown }
  | { status: 'authenticated'; me: Me }
  /** A platform operator: onboards agencies, belongs to none (the operator pages only). */
  | { status: 'operator'; operator: PlatformOperator };

interface SessionValue {
  state: SessionState;
  reload: () => void;
  hasRole: (...roles: Role[]) => boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: React.ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const token = await getAccessToken();
        if (!token) {
          if (!cancelled) setState({ status: 'anonymous' });
          return;
        }
        if (await isPlatformOperator()) {
          const operator = await api<PlatformOperator>('/platform/me');
          if (!cancelled) setState({ status: 'operator', operator });
          return;
        }
        const me = await api<Me>('/me');
        if (!cancelled) setState({ status: 'authenticated', me });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          await clearSession().catch(() => undefined);
          if (!cancelled) setState({ status: 'anonymous' });
          return;
        }
        if (!cancelled) setState({ status: 'error', error });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [generation]);

  useEffect(
    () =>
      onUnauthorized(() => {
        // The token expired or was revoked: drop it and show the landing page.
        void clearSession()
          .catch(() => undefined)
          .then(() => setState({ status: 'anonymous' }));
      }),
    [],
  );

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const hasRole = useCallback(
    (...wanted: Role[]) => state.status === 'authenticated' && wanted.some((r) => state.me.roles.includes(r)),
    [state],
  );

  return <SessionContext.Provider value={{ state, reload, hasRole }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
