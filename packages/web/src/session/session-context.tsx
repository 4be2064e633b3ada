/**
 * Who is signed in, as the server sees it. Loaded once at start (with whether first-run set-up
 * is still needed) and replaced by every answer that returns a session (sign-in, set-up,
 * invitation, organisation switch). It also owns the UI language: a signed-in user's saved
 * language wins; before sign-in the browser remembers the choice.
 */
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import {
  api,
  call,
  setCsrfToken,
  setSessionLostHandler,
  type ApiResult,
  type Session,
} from '../api/client';
import type { Locale } from '../domain/tenant';
import { applyLocale, currentLocale, rememberLocale } from '../i18n/i18n';

export type Membership = Session['memberships'][number];

/** Why there is no session any more: the user signed out, or the server ended it. */
export type SessionEnd = 'signedOut' | 'expired' | null;

interface SessionContextValue {
  session: Session | null;
  /** How the last session ended (null while signed in or before any sign-in). */
  ended: SessionEnd;
  setupNeeded: boolean;
  /** The membership of the active organisation, if any. */
  active: Membership | null;
  /** Adopts a session the server just returned (and its user's language). */
  adoptSession: (session: Session) => Promise<void>;
  markSetupDone: () => void;
  /** Re-reads the session (after a rename, a role change…). */
  refreshSession: () => Promise<void>;
  signOut: () => Promise<void>;
  switchOrganisation: (organisationId: string) => Promise<ApiResult<Session>>;
  /** Switches the UI language; remembered on the server when signed in, else in this browser. */
  changeLocale: (locale: Locale) => Promise<ApiResult<unknown>>;
  updateUser: (user: Session['user']) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export interface InitialSessionState {
  session: Session | null;
  setupNeeded: boolean;
}

/** Reads set-up state and session before the first render (both may fail: then signed out). */
export async function loadInitialSession(): Promise<InitialSessionState> {
  const [setup, session] = await Promise.all([
    call(api.GET('/api/setup')),
    call(api.GET('/api/session')),
  ]);
  const current = session.ok ? session.data : null;
  setCsrfToken(current?.csrfToken ?? null);
  return { session: current, setupNeeded: setup.ok ? setup.data.needed : false };
}

export function SessionProvider({
  initial,
  children,
}: {
  initial: InitialSessionState;
  children: ReactNode;
}) {
  const [session, setSession] = useState<Session | null>(initial.session);
  const [setupNeeded, setSetupNeeded] = useState(initial.setupNeeded);
  const [ended, setEnded] = useState<SessionEnd>(null);

  const replaceSession = useCallback((next: Session | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setSession(next);
  }, []);

  useEffect(() => {
    setSessionLostHandler(() => {
      setEnded('expired');
      replaceSession(null);
    });
    return () => setSessionLostHandler(null);
  }, [replaceSession]);

  const adoptSession = useCallback(
    async (next: Session) => {
      await applyLocale(next.user.locale);
      rememberLocale(next.user.locale);
      setEnded(null);
      replaceSession(next);
    },
    [replaceSession],
  );

  const refreshSession = useCallback(async () => {
    const result = await call(api.GET('/api/session'));
    replaceSession(result.ok ? result.data : null);
  }, [replaceSession]);

  const signOut = useCallback(async () => {
    await call(api.DELETE('/api/session'));
    setEnded('signedOut');
    replaceSession(null);
  }, [replaceSession]);

  const switchOrganisation = useCallback(
    async (organisationId: string) => {
      const result = await call(api.PUT('/api/session/organisation', { body: { organisationId } }));
      if (result.ok) replaceSession(result.data);
      return result;
    },
    [replaceSession],
  );

  const changeLocale = useCallback(
    async (locale: Locale): Promise<ApiResult<unknown>> => {
      const previous = currentLocale();
      await applyLocale(locale);
      rememberLocale(locale);
      if (!session) return { ok: true, data: null, response: new Response(null) };
      const result = await call(api.PATCH('/api/me', { body: { locale } }));
      if (result.ok) {
        setSession((s) => (s ? { ...s, user: result.data } : s));
      } else {
        await applyLocale(previous);
        rememberLocale(previous);
      }
      return result;
    },
    [session],
  );

  const updateUser = useCallback((user: Session['user']) => {
    setSession((s) => (s ? { ...s, user } : s));
  }, []);

  const markSetupDone = useCallback(() => setSetupNeeded(false), []);

  const value = useMemo<SessionContextValue>(() => {
    const active =
      session?.memberships.find((m) => m.organisation.id === session.activeOrganisationId) ?? null;
    return {
      session,
      ended,
      setupNeeded,
      active,
      adoptSession,
      markSetupDone,
      refreshSession,
      signOut,
      switchOrganisation,
      changeLocale,
      updateUser,
    };
  }, [
    session,
    ended,
    setupNeeded,
    adoptSession,
    markSetupDone,
    refreshSession,
    signOut,
    switchOrganisation,
    changeLocale,
    updateUser,
  ]);

  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in session; only for screens behind the sign-in guard. */
export function useSignedIn(): SessionContextValue & { session: Session } {
  const value = useSession();
  if (!value.session) throw new Error('useSignedIn without a session');
  return value as SessionContextValue & { session: Session };
}
