import type { QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { Me } from '../../../contract/index.js';
import { api, isApiError, setCsrfToken, setSessionRecovery } from '../../lib/api.js';
import { meQuery } from './session.js';

// Whether the server has said the session is gone and the sign-in dialog is waiting.
let lost = false;
const listeners = new Set<() => void>();
let waiting: Array<(signedInAgain: boolean) => void> = [];

function setLost(next: boolean) {
  lost = next;
  for (const listener of listeners) listener();
}

/** True while the session is gone: the header stops showing the person as signed in. */
export function useSessionLost(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => lost,
  );
}

/** Ends the wait: the requests held by the dialog are sent again (true) or fail (false). */
export function finishSessionLoss(signedInAgain: boolean): void {
  const resolve = waiting;
  waiting = [];
  setLost(false);
  for (const done of resolve) done(signedInAgain);
}

/** Someone else now holds this browser's session: nothing of the previous page is theirs. */
export function leaveForOtherPerson(queryClient: QueryClient): void {
  queryClient.clear();
  window.location.assign('/');
}

/**
 * Tells the API client how to carry on when the session is lost: wait for the dialog, or fetch
 * the CSRF token another tab's sign-in has changed. Returns the uninstall.
 */
export function installSessionRecovery(queryClient: QueryClient): () => void {
  setSessionRecovery({
    signInAgain: () =>
      new Promise<boolean>((resolve) => {
        waiting.push(resolve);
        setLost(true);
      }),
    refreshToken: async () => {
      let me: Me;
      try {
        me = await api<Me>('/api/v1/auth/me', { recover: false });
      } catch (error) {
        if (isApiError(error) && error.status === 401) return 'lost';
        throw error;
      }
      const before = queryClient.getQueryData(meQuery.queryKey);
      if (before && before.user.id !== me.user.id) {
        leaveForOtherPerson(queryClient);
        return 'other';
      }
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(meQuery.queryKey, me);
      return 'same';
    },
  });
  return () => setSessionRecovery(null);
}
