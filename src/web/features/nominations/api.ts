import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  BulkDecisionRequest,
  BulkDecisionResult,
  Eligibility,
  EligibilityCheckResult,
  Nomination,
  NominationAction,
  NominationInput,
  NominationListQuery,
  NominationSummary,
  SelectionBoard,
} from '../../../contract/index.js';
import { api, isApiError } from '../../lib/api.js';
import type { Page } from '../users/api.js';

export const nominationKeys = {
  all: ['nominations'] as const,
  board: (code: string) => ['nominations', 'board', code] as const,
};

export type NominationFilters = Omit<NominationListQuery, 'cursor' | 'limit'>;

export const nominationsQuery = (filters: NominationFilters, limit = 50) =>
  infiniteQueryOptions({
    queryKey: [...nominationKeys.all, 'list', filters, limit] as const,
    queryFn: ({ pageParam, signal }) =>
      api<Page<NominationSummary>>('/api/v1/nominations', {
        query: { ...filters, cursor: pageParam, limit },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

const nominationPath = (id: string) => `/api/v1/nominations/${encodeURIComponent(id)}`;
const sessionPath = (code: string) => `/api/v1/sessions/${encodeURIComponent(code)}`;

export const nominationQuery = (id: string) =>
  queryOptions({
    queryKey: [...nominationKeys.all, 'one', id] as const,
    queryFn: ({ signal }) => api<Nomination>(nominationPath(id), { signal }),
  });

export const selectionBoardQuery = (code: string) =>
  queryOptions({
    queryKey: nominationKeys.board(code),
    queryFn: ({ signal }) =>
      api<SelectionBoard>(`${sessionPath(code)}/selection-board`, { signal }),
  });

/** Eligibility of the people on screen, asked for in one request. */
export const eligibilityQuery = (code: string, participantIds: readonly string[]) =>
  queryOptions({
    queryKey: [...nominationKeys.all, 'eligibility', code, [...participantIds].sort()] as const,
    queryFn: ({ signal }) =>
      api<EligibilityCheckResult>(`${sessionPath(code)}/eligibility`, {
        query: { participantIds: participantIds.join(',') },
        signal,
      }),
    enabled: participantIds.length > 0,
    staleTime: 30_000,
  });

/**
 * The key is made once per form submission by the caller and reused on a retry, so a request
 * whose answer was lost does not create a second nomination.
 */
export const createNomination = (body: NominationInput, idempotencyKey: string) =>
  api<Nomination>('/api/v1/nominations', {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });

/** `overrideConflict` is the registrar's written reason to select over a `selection_conflict`. */
export const transitionNomination = (
  id: string,
  action: NominationAction,
  reason?: string,
  overrideConflict?: string,
) =>
  api<Nomination>(`${nominationPath(id)}/transitions`, {
    method: 'POST',
    body: {
      action,
      reason,
      ...(overrideConflict ? { overrideConflict: { reason: overrideConflict } } : {}),
    },
  });

export const overrideNomination = (id: string, justification: string) =>
  api<Nomination>(`${nominationPath(id)}/override`, { method: 'POST', body: { justification } });

export const substituteNomination = (id: string, participantId: string, reason: string) =>
  api<Nomination>(`${nominationPath(id)}/substitution`, {
    method: 'POST',
    body: { participantId, reason },
  });

export const bulkDecide = (code: string, body: BulkDecisionRequest) =>
  api<BulkDecisionResult>(`${sessionPath(code)}/nominations/bulk`, { method: 'POST', body });

export const setPriorities = (code: string, nominationIds: string[]) =>
  api<void>(`${sessionPath(code)}/nominations/priority`, {
    method: 'PUT',
    body: { nominationIds },
  });

/** The failing lines a 422 `not_eligible` carries, when it does. */
export function eligibilityOfProblem(error: unknown): Eligibility | null {
  if (!isApiError(error, 'not_eligible')) return null;
  const body = error.body;
  if (typeof body !== 'object' || body === null || !('eligibility' in body)) return null;
  const eligibility = (body as { eligibility: unknown }).eligibility;
  if (typeof eligibility !== 'object' || eligibility === null) return null;
  const lines = (eligibility as { lines?: unknown }).lines;
  return Array.isArray(lines) ? (eligibility as Eligibility) : null;
}
