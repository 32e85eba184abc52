import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  CalendarFeed,
  Session,
  SessionInput,
  SessionListQuery,
  SessionStatus,
  SessionSummary,
  SessionUpdate,
  StaffMember,
  StaffQuery,
} from '../../../contract/index.js';
import { api } from '../../lib/api.js';
import type { Page } from '../users/api.js';

export const sessionKeys = {
  all: ['sessions'] as const,
  feed: ['calendar-feed'] as const,
};

export type SessionFilters = Omit<SessionListQuery, 'cursor' | 'limit'>;

export const sessionsQuery = (filters: SessionFilters, limit = 50) =>
  infiniteQueryOptions({
    queryKey: [...sessionKeys.all, 'list', filters, limit] as const,
    queryFn: ({ pageParam, signal }) =>
      api<Page<SessionSummary>>('/api/v1/sessions', {
        query: { ...filters, cursor: pageParam, limit },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** One month of the calendar in one request: a centre runs tens of sessions a month at most. */
export const monthQuery = (filters: SessionFilters) =>
  queryOptions({
    queryKey: [...sessionKeys.all, 'month', filters] as const,
    queryFn: ({ signal }) =>
      api<Page<SessionSummary>>('/api/v1/sessions', {
        query: { ...filters, limit: 500 },
        signal,
      }),
  });

const sessionPath = (code: string) => `/api/v1/sessions/${encodeURIComponent(code)}`;

export const sessionQuery = (code: string) =>
  queryOptions({
    queryKey: [...sessionKeys.all, 'one', code] as const,
    queryFn: ({ signal }) => api<Session>(sessionPath(code), { signal }),
  });

export const createSession = (body: SessionInput) =>
  api<Session>('/api/v1/sessions', { method: 'POST', body });
export const updateSession = (code: string, body: SessionUpdate) =>
  api<Session>(sessionPath(code), { method: 'PATCH', body });
export const transitionSession = (code: string, to: SessionStatus, reason?: string) =>
  api<Session>(`${sessionPath(code)}/transitions`, { method: 'POST', body: { to, reason } });

export const calendarFeedQuery = queryOptions({
  queryKey: sessionKeys.feed,
  queryFn: ({ signal }) => api<CalendarFeed>('/api/v1/calendar/feed', { signal }),
});
export const rotateCalendarFeed = () =>
  api<CalendarFeed>('/api/v1/calendar/feed/rotate', { method: 'POST' });

/** Staff who can be named on a session: names only, for anyone who manages sessions. */
export const staffQuery = (role: StaffQuery['role']) =>
  queryOptions({
    queryKey: ['users', 'staff', role] as const,
    queryFn: ({ signal }) => api<StaffMember[]>('/api/v1/users/staff', { query: { role }, signal }),
    staleTime: 5 * 60_000,
    retry: false,
  });
