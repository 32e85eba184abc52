import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  Locale,
  MessageEvent,
  MessageTemplate,
  OutboxMessage,
  OutboxStatus,
  OutboxSummary,
  RenderedMessage,
  TemplatePreviewRequest,
  TemplateUpdate,
} from '../../../contract/index.js';
import { api } from '../../lib/api.js';
import type { Page } from '../users/api.js';

export const messageKeys = {
  templates: ['message-templates'] as const,
  outbox: ['outbox'] as const,
};

export const templatesQuery = queryOptions({
  queryKey: messageKeys.templates,
  queryFn: ({ signal }) => api<MessageTemplate[]>('/api/v1/message-templates', { signal }),
});

const templatePath = (event: MessageEvent, locale: Locale) =>
  `/api/v1/message-templates/${event}/${locale}`;

export const saveTemplate = (event: MessageEvent, locale: Locale, body: TemplateUpdate) =>
  api<MessageTemplate>(templatePath(event, locale), { method: 'PUT', body });

export const resetTemplate = (event: MessageEvent, locale: Locale) =>
  api<MessageTemplate>(templatePath(event, locale), { method: 'DELETE' });

export const previewTemplate = (
  event: MessageEvent,
  locale: Locale,
  body: TemplatePreviewRequest,
) => api<RenderedMessage>(`${templatePath(event, locale)}/preview`, { method: 'POST', body });

export const outboxQuery = (status: OutboxStatus | undefined) =>
  infiniteQueryOptions({
    queryKey: [...messageKeys.outbox, 'list', { status }] as const,
    queryFn: ({ pageParam, signal }) =>
      api<Page<OutboxSummary>>('/api/v1/outbox', {
        query: { status, cursor: pageParam, limit: 50 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const outboxMessageQuery = (id: number) =>
  queryOptions({
    queryKey: [...messageKeys.outbox, 'one', id] as const,
    queryFn: ({ signal }) => api<OutboxMessage>(`/api/v1/outbox/${id}`, { signal }),
  });

export const retryOutboxMessage = (id: number) =>
  api<OutboxMessage>(`/api/v1/outbox/${id}/retry`, { method: 'POST' });

/** A new e-mail (or the unsent one again), each one-time link in it with a new secret. */
export const resendOutboxMessage = (id: number) =>
  api<OutboxMessage>(`/api/v1/outbox/${id}/resend`, { method: 'POST' });
