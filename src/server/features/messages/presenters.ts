import type { Locale } from '../../../contract/common.js';
import {
  type MessageEvent,
  type MessageTemplate,
  type Notification,
  type OutboxMessage,
  type OutboxStatus,
  type OutboxSummary,
  TEMPLATE_VARIABLES,
} from '../../../contract/messages.js';
import type { notifications } from '../../db/schema/index.js';
import { defaultTemplate } from './default-templates/index.js';
import { maskSecretLinks } from './links.js';
import type { OutboxRow, TemplateRow } from './queries.js';

export function presentTemplate(
  event: MessageEvent,
  locale: Locale,
  row: TemplateRow | undefined,
): MessageTemplate {
  const fallback = defaultTemplate(event, locale);
  return {
    event,
    locale,
    subject: row?.subject ?? fallback.subject,
    body: row?.body ?? fallback.body,
    customized: row !== undefined,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedByName: row?.updatedByName ?? null,
    variables: [...TEMPLATE_VARIABLES[event]],
    defaultSubject: fallback.subject,
    defaultBody: fallback.body,
  };
}

/**
 * What anyone but the recipient may read of an e-mail: the one-time links in its subject and
 * body are masked for every reader, administrators included, or reading the outbox would be
 * enough to take over an account or answer a survey as someone else.
 */
export function presentOutboxSummary(row: OutboxRow): OutboxSummary {
  return {
    id: row.id,
    event: row.event,
    locale: row.locale,
    to: row.toAddress,
    subject: maskSecretLinks(row.subject),
    status: row.status as OutboxStatus,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastError: row.lastError,
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentOutboxMessage(row: OutboxRow): OutboxMessage {
  return {
    ...presentOutboxSummary(row),
    body: maskSecretLinks(row.body),
    attachments: row.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: Buffer.byteLength(a.content, 'utf8'),
    })),
  };
}

export function presentNotification(row: typeof notifications.$inferSelect): Notification {
  return {
    id: row.id,
    kind: row.kind,
    params: row.params,
    link: row.link,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
