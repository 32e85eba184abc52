import { queryOptions } from '@tanstack/react-query';
import type {
  CentreToday,
  MyTraining,
  NationPortal,
  SessionSummary,
} from '../../../contract/index.js';
import { api } from '../../lib/api.js';

export const portalKeys = { all: ['portal'] as const };

export const nationPortalQuery = queryOptions({
  queryKey: [...portalKeys.all, 'nation'] as const,
  queryFn: ({ signal }) => api<NationPortal>('/api/v1/portal/nation', { signal }),
});

export const centreTodayQuery = queryOptions({
  queryKey: [...portalKeys.all, 'centre'] as const,
  queryFn: ({ signal }) => api<CentreToday>('/api/v1/portal/centre', { signal }),
});

export const myTrainingQuery = queryOptions({
  queryKey: [...portalKeys.all, 'training'] as const,
  queryFn: ({ signal }) => api<MyTraining>('/api/v1/me/training', { signal }),
});

/**
 * The portal names deadlines but not the venue's zone; the open sessions list has it, and an
 * NPOC's open sessions are few enough for one request.
 */
export const openSessionZonesQuery = queryOptions({
  queryKey: ['sessions', 'open-zones'] as const,
  queryFn: async ({ signal }) => {
    const page = await api<{ items: SessionSummary[] }>('/api/v1/sessions', {
      query: { openForNominations: 'true', limit: 500 },
      signal,
    });
    return new Map(page.items.map((s) => [s.code, s.timeZone]));
  },
  staleTime: 5 * 60_000,
});
