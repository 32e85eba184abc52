import { queryOptions } from '@tanstack/react-query';
import type { NotificationList } from '../../../contract/index.js';
import { api } from '../../lib/api.js';

export const notificationKeys = { all: ['notifications'] as const };

/**
 * The bell's list; refreshed every minute so new decisions show up without a reload. Marked as
 * background, so that an open tab nobody looks at still reaches the session's idle timeout.
 */
export const notificationsQuery = queryOptions({
  queryKey: [...notificationKeys.all, 'latest'] as const,
  queryFn: ({ signal }) =>
    api<NotificationList>('/api/v1/notifications', {
      query: { limit: 20 },
      signal,
      headers: { 'x-rabita-background': '1' },
    }),
  refetchInterval: 60_000,
  staleTime: 30_000,
});

export const markNotificationRead = (id: number) =>
  api<void>(`/api/v1/notifications/${id}/read`, { method: 'POST' });

export const markAllNotificationsRead = () =>
  api<void>('/api/v1/notifications/read-all', { method: 'POST' });
