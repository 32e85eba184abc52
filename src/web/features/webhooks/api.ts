import { queryOptions } from '@tanstack/react-query';
import type {
  CreateWebhookEndpointRequest,
  UpdateWebhookEndpointRequest,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from '../../../contract/index.js';
import { api } from '../../lib/api.js';

export const webhookKeys = {
  all: ['webhooks'] as const,
  deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
};

export const webhooksQuery = queryOptions({
  queryKey: webhookKeys.all,
  queryFn: ({ signal }) => api<WebhookEndpoint[]>('/api/v1/webhooks', { signal }),
  // While deliveries wait, their counts are read again.
  refetchInterval: (query) => (query.state.data?.some((e) => e.pending > 0) ? 3000 : false),
});

export const deliveriesQuery = (id: string) =>
  queryOptions({
    queryKey: webhookKeys.deliveries(id),
    queryFn: ({ signal }) =>
      api<WebhookDelivery[]>(`/api/v1/webhooks/${id}/deliveries`, { signal }),
    // While a delivery waits for its attempt, the log is read again.
    refetchInterval: (query) =>
      query.state.data?.some((d) => d.status === 'pending') ? 3000 : false,
  });

export const createWebhook = (body: CreateWebhookEndpointRequest) =>
  api<WebhookEndpointWithSecret>('/api/v1/webhooks', { method: 'POST', body });

export const updateWebhook = (id: string, body: UpdateWebhookEndpointRequest) =>
  api<WebhookEndpoint>(`/api/v1/webhooks/${id}`, { method: 'PATCH', body });

export const deleteWebhook = (id: string) =>
  api<void>(`/api/v1/webhooks/${id}`, { method: 'DELETE' });

export const rotateWebhookSecret = (id: string) =>
  api<WebhookEndpointWithSecret>(`/api/v1/webhooks/${id}/secret`, { method: 'POST' });

export const sendWebhookTest = (id: string) =>
  api<WebhookDelivery>(`/api/v1/webhooks/${id}/test`, { method: 'POST' });

export const resendWebhookDelivery = (deliveryId: string) =>
  api<WebhookDelivery>(`/api/v1/webhooks/deliveries/${deliveryId}/resend`, { method: 'POST' });
