import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import {
  type DuplicateCandidate,
  type Participant,
  type ParticipantDetail,
  type ParticipantInput,
  type ParticipantListQuery,
  type ParticipantUpdate,
  PossibleDuplicateProblem,
} from '../../../contract/index.js';
import { api, isApiError } from '../../lib/api.js';
import type { Page } from '../users/api.js';

export const participantKeys = { all: ['participants'] as const };

export type ParticipantFilters = Omit<ParticipantListQuery, 'cursor' | 'limit'>;

export const participantsQuery = (filters: ParticipantFilters, limit = 50) =>
  infiniteQueryOptions({
    queryKey: [...participantKeys.all, 'list', filters, limit] as const,
    queryFn: ({ pageParam, signal }) =>
      api<Page<Participant>>('/api/v1/participants', {
        query: { ...filters, cursor: pageParam, limit },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

const participantPath = (id: string) => `/api/v1/participants/${encodeURIComponent(id)}`;

export const participantQuery = (id: string) =>
  queryOptions({
    queryKey: [...participantKeys.all, 'one', id] as const,
    queryFn: ({ signal }) => api<ParticipantDetail>(participantPath(id), { signal }),
  });

export const createParticipant = (body: ParticipantInput) =>
  api<ParticipantDetail>('/api/v1/participants', { method: 'POST', body });
export const updateParticipant = (id: string, body: ParticipantUpdate) =>
  api<ParticipantDetail>(participantPath(id), { method: 'PATCH', body });

/** The people a refused create may duplicate, or null when the error is something else. */
export function possibleDuplicates(error: unknown): DuplicateCandidate[] | null {
  if (!isApiError(error, 'possible_duplicate')) return null;
  const parsed = PossibleDuplicateProblem.safeParse(error.body);
  return parsed.success ? parsed.data.existing : [];
}
