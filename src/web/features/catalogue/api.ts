import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  Activity,
  ActivityInput,
  ActivityListQuery,
  ActivitySummary,
  ActivityUpdate,
  Discipline,
  DisciplineInput,
  LocalizedText,
} from '../../../contract/index.js';
import { api } from '../../lib/api.js';
import type { Page } from '../users/api.js';

export const catalogueKeys = {
  disciplines: ['disciplines'] as const,
  activities: ['activities'] as const,
};

export const disciplinesQuery = queryOptions({
  queryKey: catalogueKeys.disciplines,
  queryFn: ({ signal }) => api<Discipline[]>('/api/v1/disciplines', { signal }),
  staleTime: 5 * 60_000,
});

export type ActivityFilters = Omit<ActivityListQuery, 'cursor' | 'limit'>;

export const activitiesQuery = (filters: ActivityFilters, limit = 25) =>
  infiniteQueryOptions({
    queryKey: [...catalogueKeys.activities, 'list', filters, limit] as const,
    queryFn: ({ pageParam, signal }) =>
      api<Page<ActivitySummary>>('/api/v1/activities', {
        query: { ...filters, cursor: pageParam, limit },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

const activityPath = (code: string) => `/api/v1/activities/${encodeURIComponent(code)}`;

export const activityQuery = (code: string) =>
  queryOptions({
    queryKey: [...catalogueKeys.activities, 'one', code] as const,
    queryFn: ({ signal }) => api<Activity>(activityPath(code), { signal }),
  });

export const createActivity = (body: ActivityInput) =>
  api<Activity>('/api/v1/activities', { method: 'POST', body });
export const updateActivity = (code: string, body: ActivityUpdate) =>
  api<Activity>(activityPath(code), { method: 'PATCH', body });

export const createDiscipline = (body: DisciplineInput) =>
  api<Discipline>('/api/v1/disciplines', { method: 'POST', body });
export const updateDiscipline = (code: string, body: { name: LocalizedText }) =>
  api<Discipline>(`/api/v1/disciplines/${encodeURIComponent(code)}`, { method: 'PATCH', body });
