import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  LoginRequest,
  Me,
  Permission,
  SignInProvider,
  SignOutResult,
} from '../../../contract/index.js';
import { api, isApiError, setCsrfToken } from '../../lib/api.js';
import { browserStorage, clearUserDrafts } from '../../lib/drafts.js';

/** Who is signed in, or null: a 401 is an answer here, not an error. */
export const meQuery = queryOptions({
  queryKey: ['me'] as const,
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await api<Me>('/api/v1/auth/me', { recover: false });
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

/** The identity providers the sign-in page offers a button for. */
export const signInProvidersQuery = queryOptions({
  queryKey: ['sign-in-providers'] as const,
  queryFn: () => api<SignInProvider[]>('/api/v1/auth/oidc/providers'),
  staleTime: 5 * 60_000,
});

/** Where a "Sign in with ..." button goes: a full-page navigation to the provider. */
export function singleSignOnHref(key: string, redirect: string | undefined): string {
  const query = redirect ? `?redirect=${encodeURIComponent(redirect)}` : '';
  return `/api/v1/auth/oidc/${encodeURIComponent(key)}/start${query}`;
}

/**
 * Signs out. Resolves to the identity provider's sign-out address when the session came from a
 * provider that offers one: the caller sends the browser there to end that session too.
 */
export function useSignOut(): () => Promise<string | null> {
  const queryClient = useQueryClient();
  return async () => {
    try {
      const userId = queryClient.getQueryData(meQuery.queryKey)?.user.id;
      // What this person typed is theirs to finish on this browser only while signed in.
      if (userId) clearUserDrafts(browserStorage(), userId);
      const result = await api<SignOutResult | undefined>('/api/v1/auth/logout', {
        method: 'POST',
        recover: false,
      });
      return result?.providerSignOutUrl ?? null;
    } finally {
      setCsrfToken(null);
      // Nothing cached for one user may be shown to the next.
      queryClient.clear();
      queryClient.setQueryData(meQuery.queryKey, null);
    }
  };
}
