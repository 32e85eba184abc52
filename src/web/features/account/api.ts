import { queryOptions } from '@tanstack/react-query';
import type {
  ApiToken,
  ChangePasswordRequest,
  CreateApiTokenRequest,
  CreatedApiToken,
} from '../../../contract/index.js';
import { api } from '../../lib/api.js';

export const tokensQuery = queryOptions({
  queryKey: ['tokens'] as const,
  queryFn: ({ signal }) => api<ApiToken[]>('/api/v1/auth/tokens', { signal }),
});

export const changePassword = (body: ChangePasswordRequest) =>
  api<void>('/api/v1/auth/password', { method: 'POST', body });
export const createToken = (body: CreateApiTokenRequest) =>
  api<CreatedApiToken>('/api/v1/auth/tokens', { method: 'POST', body });
export const revokeToken = (id: string) =>
  api<void>(`/api/v1/auth/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
