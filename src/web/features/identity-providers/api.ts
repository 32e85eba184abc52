import { queryOptions } from '@tanstack/react-query';
import type {
  CreateIdentityProviderRequest,
  IdentityProvider,
  UpdateIdentityProviderRequest,
} from '../../../contract/index.js';
import { api } from '../../lib/api.js';

export const identityProviderKeys = { all: ['identity-providers'] as const };

export const identityProvidersQuery = queryOptions({
  queryKey: identityProviderKeys.all,
  queryFn: ({ signal }) => api<IdentityProvider[]>('/api/v1/identity-providers', { signal }),
});

export const createIdentityProvider = (body: CreateIdentityProviderRequest) =>
  api<IdentityProvider>('/api/v1/identity-providers', { method: 'POST', body });

export const updateIdentityProvider = (id: string, body: UpdateIdentityProviderRequest) =>
  api<IdentityProvider>(`/api/v1/identity-providers/${id}`, { method: 'PATCH', body });

export const deleteIdentityProvider = (id: string) =>
  api<void>(`/api/v1/identity-providers/${id}`, { method: 'DELETE' });
