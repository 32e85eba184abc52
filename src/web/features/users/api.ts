import { infiniteQueryOptions } from '@tanstack/react-query';
import type {
  CreateUserRequest,
  ResetPasswordRequest,
  UpdateUserRequest,
  User,
} from '../../../contract/index.js';
import { api } from '../../lib/api.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const userKeys = { all: ['users'] as const };

export const usersQuery = (q: string | undefined) =>
  infiniteQueryOptions({
    queryKey: [...userKeys.all, 'list', { q }] as const,
    queryFn: ({ pageParam, signal }) =>
      api<Page<User>>('/api/v1/users', { query: { q, cursor: pageParam, limit: 50 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

const userPath = (id: string) => `/api/v1/users/${encodeURIComponent(id)}`;

export const createUser = (body: CreateUserRequest) =>
  api<User>('/api/v1/users', { method: 'POST', body });
export const updateUser = (id: string, body: UpdateUserRequest) =>
  api<User>(userPath(id), { method: 'PATCH', body });
/** Removes every second factor of a user who lost theirs; their sessions end, they are e-mailed. */
export const resetSecondFactors = (id: string) =>
  api<void>(`${userPath(id)}/second-factors`, { method: 'DELETE' });

export const resetPassword = (id: string, body: ResetPasswordRequest) =>
  api<void>(`${userPath(id)}/reset-password`, { method: 'POST', body });
