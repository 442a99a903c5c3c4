import { useSyncExternalStore } from 'react';
import { session } from '../../lib/api';
import type { SessionState } from '../../lib/session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}

/** The logged-in user; only call below the authenticated layout. */
export function useCurrentUser() {
  const state = useSession();
  if (state.status !== 'authenticated' && state.status !== 'expired') {
    throw new Error('useCurrentUser outside an authenticated screen');
  }
  return state.user;
}
