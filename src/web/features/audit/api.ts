import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { AuditChainStatus, AuditCheckRequested, AuditEntry } from '../../../contract/index.js';
import type { AuditSearch } from '../../app/routes/admin.js';
import { api } from '../../lib/api.js';
import type { Page } from '../users/api.js';

export const auditQuery = (filters: AuditSearch) =>
  infiniteQueryOptions({
    queryKey: ['audit', filters] as const,
    queryFn: ({ pageParam, signal }) =>
      api<Page<AuditEntry>>('/api/v1/audit', {
        query: { ...filters, cursor: pageParam, limit: 50 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const auditChainKey = ['audit', 'chain'] as const;

/** The chain's state; polled while a check asked for here has not reported yet. */
export const auditChainQuery = (waitingSince: string | null) =>
  queryOptions({
    queryKey: auditChainKey,
    queryFn: ({ signal }) => api<AuditChainStatus>('/api/v1/audit/chain', { signal }),
    refetchInterval: (query) => {
      const finished = query.state.data?.lastCheck?.finishedAt;
      return waitingSince && (!finished || finished < waitingSince) ? 1_500 : false;
    },
  });

export const requestAuditCheck = () =>
  api<AuditCheckRequested>('/api/v1/audit/chain/checks', { method: 'POST' });
