import { queryOptions } from '@tanstack/react-query';
import type {
  OutlineInput,
  PlannedCandidate,
  Programme,
  ProgrammeInput,
  ProgrammeRevision,
  ProgrammeStatus,
  ProgrammeSummary,
} from '../../../contract/index.js';
import { api } from '../../lib/api.js';

export const programmeKeys = { all: ['programmes'] as const };

export const programmesQuery = queryOptions({
  queryKey: [...programmeKeys.all, 'list'] as const,
  queryFn: ({ signal }) =>
    api<{ items: ProgrammeSummary[] }>('/api/v1/programmes', { signal }).then((r) => r.items),
});

const path = (id: string) => `/api/v1/programmes/${encodeURIComponent(id)}`;

export const programmeQuery = (id: string) =>
  queryOptions({
    queryKey: [...programmeKeys.all, 'one', id] as const,
    queryFn: ({ signal }) => api<Programme>(path(id), { signal }),
  });

export const revisionsQuery = (id: string) =>
  queryOptions({
    queryKey: [...programmeKeys.all, 'revisions', id] as const,
    queryFn: ({ signal }) =>
      api<{ items: ProgrammeRevision[] }>(`${path(id)}/revisions`, { signal }).then((r) => r.items),
  });

/** The goals of the nation's programme in force a nomination for the session could serve. */
export const plannedCandidatesQuery = (sessionCode: string, nationCode: string) =>
  queryOptions({
    queryKey: [...programmeKeys.all, 'candidates', sessionCode, nationCode] as const,
    queryFn: ({ signal }) =>
      api<{ items: PlannedCandidate[] }>(
        `/api/v1/sessions/${encodeURIComponent(sessionCode)}/planned-activities`,
        { query: { nationCode }, signal },
      ).then((r) => r.items),
  });

export const createProgramme = (body: ProgrammeInput) =>
  api<Programme>('/api/v1/programmes', { method: 'POST', body });
export const replaceOutline = (id: string, body: OutlineInput) =>
  api<Programme>(`${path(id)}/outline`, { method: 'PUT', body });
export const transitionProgramme = (id: string, to: ProgrammeStatus, reason?: string) =>
  api<Programme>(`${path(id)}/transitions`, { method: 'POST', body: { to, reason } });

export const STATUS_COLOR: Record<ProgrammeStatus, string> = {
  draft: 'gray.7',
  proposed: 'orange.9',
  agreed: 'blue.9',
  active: 'teal.9',
  closed: 'dark.6',
};
