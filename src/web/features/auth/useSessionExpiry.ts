import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { isApiError } from '../../lib/api.js';
import { meQuery } from './session.js';

/**
 * When any request answers 401 the session is gone (expired, revoked, signed out elsewhere):
 * forget the user and send them to sign in, coming back here afterwards.
 */
export function useSessionExpiry(): void {
  const queryClient = useQueryClient();
  const router = useRouter();
  useEffect(() => {
    const expired = (error: unknown) => isApiError(error) && error.status === 401;
    function leave() {
      queryClient.setQueryData(meQuery.queryKey, null);
      const here = router.state.location.href;
      void router.navigate({ to: '/sign-in', search: { redirect: here } });
    }
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.query.queryKey[0] !== 'me') {
        if (expired(event.query.state.error)) leave();
      }
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && expired(event.mutation?.state.error)) leave();
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient, router]);
}
