import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, Me, Permission } from '../../../contract/index.js';
import { api, isApiError, setCsrfToken } from '../../lib/api.js';

/** Who is signed in, or null: a 401 is an answer here, not an error. */
export const meQuery = queryOptions({
  queryKey: ['me'] as const,
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await api<Me>('/api/v1/auth/me');
      setCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export function useMe(): Me {
  const { data } = useQuery(meQuery);
  // Signed-in routes load Me before rendering, so reaching here without it is a bug.
  if (!data) throw new Error('useMe used outside a signed-in route');
  return data;
}

export function useCan(): (permission: Permission) => boolean {
  const { data } = useQuery(meQuery);
  return (permission) => data?.permissions.includes(permission) ?? false;
}

export async function signIn(body: LoginRequest): Promise<Me> {
  const me = await api<Me>('/api/v1/auth/login', { method: 'POST', body });
  setCsrfToken(me.csrfToken);
  return me;
}

export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    try {
      await api<void>('/api/v1/auth/logout', { method: 'POST' });
    } finally {
      setCsrfToken(null);
      // Nothing cached for one user may be shown to the next.
      queryClient.clear();
      queryClient.setQueryData(meQuery.queryKey, null);
    }
  };
}
