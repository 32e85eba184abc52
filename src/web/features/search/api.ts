import { queryOptions } from '@tanstack/react-query';
import type { GlobalSearchResults } from '../../../contract/index.js';
import { api } from '../../lib/api.js';

/** The global search: a few of each kind the reader may see. */
export const globalSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['search', q] as const,
    queryFn: ({ signal }) => api<GlobalSearchResults>('/api/v1/search', { query: { q }, signal }),
    staleTime: 30_000,
  });
