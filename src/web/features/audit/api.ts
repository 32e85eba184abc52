import { infiniteQueryOptions } from '@tanstack/react-query';
import type { AuditEntry } from '../../../contract/index.js';
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
