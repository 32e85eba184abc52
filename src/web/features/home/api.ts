import { queryOptions } from '@tanstack/react-query';
import type {
  AdministrationHome,
  MySessionsHome,
  ParticipantHome,
} from '../../../contract/index.js';
import { api } from '../../lib/api.js';

const homeKeys = { all: ['portal', 'home'] as const };

export const mySessionsHomeQuery = queryOptions({
  queryKey: [...homeKeys.all, 'my-sessions'] as const,
  queryFn: ({ signal }) => api<MySessionsHome>('/api/v1/portal/my-sessions', { signal }),
});

export const administrationHomeQuery = queryOptions({
  queryKey: [...homeKeys.all, 'administration'] as const,
  queryFn: ({ signal }) => api<AdministrationHome>('/api/v1/portal/administration', { signal }),
});

export const participantHomeQuery = queryOptions({
  queryKey: [...homeKeys.all, 'my-training'] as const,
  queryFn: ({ signal }) => api<ParticipantHome>('/api/v1/portal/my-training', { signal }),
});
