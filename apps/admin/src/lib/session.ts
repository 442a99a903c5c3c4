import type { Session, User } from '@swigs/schema';

/**
 * The browser session. The access token lives only in memory (never in storage, so a script
 * injected into the page cannot read it from there); the refresh token is an httpOnly cookie the
 * API sets. On load and shortly before the access token expires, the session refreshes itself —
 * one refresh at a time, in this tab and across tabs (Web Locks), because the API rotates refresh
 * tokens and two racing refreshes would present the same one twice.
 *
 * When a refresh fails because the session really ended (password changed elsewhere, idle for
 * 30 days), the state becomes `expired`: the screen stays as it is, a login dialog appears, and
 * the calls that failed wait for that login and are then replayed — nothing typed is lost.
 */
export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'authenticated'; user: User }
  | { status: 'expired'; user: User };

export interface SessionAuth {
  login(body: { email: string; password: string }): Promise<Session>;
  refresh(): Promise<Session>;
  logout(): Promise<unknown>;
}

export interface SessionOptions {
  auth: SessionAuth;
  /** True when an error means "no valid session" (401), as opposed to a network failure. */
  isUnauthenticated(error: unknown): boolean;
  /** Seconds before expiry at which to refresh. */
  refreshMargin?: number;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Serialises refreshes across tabs; defaults to navigator.locks when the browser has it. */
  withLock?: <T>(task: () => Promise<T>) => Promise<T>;
}

export type SessionManager = ReturnType<typeof createSession>;

function browserLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('swigs-session-refresh', task) as Promise<T>) : task();
}

export function createSession(options: SessionOptions) {
  const margin = options.refreshMargin ?? 60;
  const now = options.now ?? (() => Date.now());
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as number));
  const withLock = options.withLock ?? browserLock;

  let state: SessionState = { status: 'loading' };
  let accessToken: string | undefined;
  let expiresAt = 0;
  let timer: unknown;
  let inflight: Promise<boolean> | undefined;
  let reloginWaiters: Array<(ok: boolean) => void> = [];
  const listeners = new Set<() => void>();

  function setState(next: SessionState) {
    state = next;
    for (const listener of listeners) listener();
  }

  function schedule() {
    if (timer !== undefined) clearTimer(timer);
    const delay = Math.max(5_000, expiresAt - margin * 1000 - now());
    timer = setTimer(() => void refresh(), delay);
  }

  function apply(session: Session) {
    accessToken = session.accessToken;
    expiresAt = now() + session.expiresIn * 1000;
    schedule();
    setState({ status: 'authenticated', user: session.user });
    const waiters = reloginWaiters;
    reloginWaiters = [];
    for (const resolve of waiters) resolve(true);
  }

  function clear(next: SessionState) {
    accessToken = undefined;
    expiresAt = 0;
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    setState(next);
  }

  /** Single-flight refresh. Resolves true when a fresh access token is in memory. */
  function refresh(): Promise<boolean> {
    inflight ??= withLock(async () => {
      try {
        apply(await options.auth.refresh());
        return true;
      } catch (error) {
        if (!options.isUnauthenticated(error)) {
          // Network trouble: keep what we have and try again soon.
          if (state.status === 'loading') clear({ status: 'anonymous' });
          else if (accessToken) timer = setTimer(() => void refresh(), 15_000);
          return false;
        }
        if (state.status === 'authenticated' || state.status === 'expired') {
          clear({ status: 'expired', user: state.user });
        } else clear({ status: 'anonymous' });
        return false;
      }
    }).finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  return {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getAccessToken: () => accessToken,
    /** Called once on start: restores the session from the refresh cookie, if there is one. */
    start: () => refresh(),
    refresh,
    async login(body: { email: string; password: string }) {
      const session = await options.auth.login(body);
      apply(session);
      return session.user;
    },
    async logout() {
      try {
        await options.auth.logout();
      } finally {
        const waiters = reloginWaiters;
        reloginWaiters = [];
        for (const resolve of waiters) resolve(false);
        clear({ status: 'anonymous' });
      }
    },
    /** Keeps the user shown in the shell in step after a profile edit. */
    setUser(user: User) {
      if (state.status === 'authenticated') setState({ status: 'authenticated', user });
    },
    /**
     * The SDK's onUnauthorized: refresh; when the session has ended, wait until the user logs in
     * again in the dialog (true: the call is replayed) or gives up (false).
     */
    async handleUnauthorized(): Promise<boolean> {
      if (await refresh()) return true;
      if (state.status !== 'expired') return false;
      return new Promise<boolean>((resolve) => reloginWaiters.push(resolve));
    },
    /** True when the access token is close to expiry (a tab coming back from the background). */
    isStale: () => accessToken !== undefined && now() > expiresAt - margin * 1000,
  };
}
