import { queryOptions } from '@tanstack/react-query';
import type { FailedJob, FailedJobList } from '../../../contract/jobs.js';
import { api } from '../../lib/api.js';

export const jobKeys = { failed: ['jobs', 'failed'] as const };

export const failedJobsQuery = queryOptions({
  queryKey: jobKeys.failed,
  queryFn: ({ signal }) => api<FailedJobList>('/api/v1/jobs/failed', { signal }),
});

export const retryJob = (id: number) =>
  api<FailedJob>(`/api/v1/jobs/${id}/retry`, { method: 'POST' });
