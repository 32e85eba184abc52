import type { Locale } from '../../../contract/common.js';
import type { MessageEvent } from '../../../contract/messages.js';
import type { Tx } from '../../db/client.js';
import { type MessageAttachment, notifications, outboxMessages } from '../../db/schema/index.js';

export interface EmailRequest {
  event: MessageEvent;
  locale: Locale;
  to: string;
  /** The recipient's account, when they have one. */
  userId?: string | null;
  /** Values for the template's {{placeholders}}. */
  variables: Record<string, string>;
  attachments?: MessageAttachment[];
}

/**
 * Queues an e-mail in the caller's transaction: it is sent only if the change that caused it
 * commits, and it survives a restart because the worker reads it from the table.
 */
export async function queueEmail(tx: Tx, request: EmailRequest): Promise<void> {
  // Placeholder rendering until templates exist; replaced by the template renderer.
  const body = Object.entries(request.variables)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  await tx.insert(outboxMessages).values({
    event: request.event,
    locale: request.locale,
    toAddress: request.to,
    userId: request.userId ?? null,
    subject: request.event,
    body,
    attachments: request.attachments ?? [],
  });
}

export interface InAppNotification {
  /** An i18n key under `notifications.kinds` in the web app. */
  kind: string;
  params: Record<string, string>;
  /** A path in the web app, e.g. `/nominations/<id>`. */
  link?: string | null;
}

/** Adds a notification under the user's bell, in the caller's transaction. */
export async function notifyUser(tx: Tx, userId: string, note: InAppNotification): Promise<void> {
  await tx
    .insert(notifications)
    .values({ userId, kind: note.kind, params: note.params, link: note.link ?? null });
}
