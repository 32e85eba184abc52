import { eq, sql } from 'drizzle-orm';
import type { Locale } from '../../../contract/common.js';
import {
  type MessageEvent,
  TEMPLATE_VARIABLES,
  type TemplateVariables,
} from '../../../contract/messages.js';
import type { Tx } from '../../db/client.js';
import { preparedStatement } from '../../db/prepared.js';
import { type MessageAttachment, notifications, users } from '../../db/schema/index.js';
import { insertOutboxMessages, type NewOutboxMessage } from './queries.js';
import { renderTemplate, resolveTemplate } from './templates.js';

/** One e-mail to queue; its variables are checked against its event's template at compile time. */
export type EmailRequest = {
  [E in MessageEvent]: {
    event: E;
    locale: Locale;
    to: string;
    /** The recipient's account, when they have one. */
    userId?: string | null;
    /** Values for the template's {{placeholders}}; see TEMPLATE_VARIABLES in the contract. */
    variables: TemplateVariables<E>;
    attachments?: MessageAttachment[];
  };
}[MessageEvent];

async function recipientNameOf(tx: Tx, request: EmailRequest): Promise<string> {
  if (request.userId) {
    const [user] = await tx
      .select({ displayName: users.displayName })
      .from(users)
      .where(eq(users.id, request.userId));
    if (user) return user.displayName;
  }
  return 'participantName' in request.variables ? request.variables.participantName : request.to;
}

/**
 * The compiler makes a caller name every value of its event, but not give it something: a blank
 * value, or one a cast let through, would send a sentence with a hole in it (a joining
 * instructions e-mail once went out with its main paragraph empty). Refused here, so the change
 * that would have sent it fails in its tests rather than in a reader's inbox.
 */
function assertEveryValueGiven(event: MessageEvent, variables: Record<string, unknown>): void {
  const missing = TEMPLATE_VARIABLES[event].filter((name) => {
    const value = variables[name];
    return typeof value !== 'string' || value.trim() === '';
  });
  if (missing.length > 0) {
    throw new Error(`${event} e-mail without a value for ${missing.join(', ')}`);
  }
}

/**
 * Queues an e-mail in the caller's transaction: it is sent only if the change that caused it
 * commits, and it survives a restart because the worker reads it from the table. The text is
 * rendered now, in the recipient's language, so a later template edit does not change what
 * was already decided. Throws when a value its event declares is missing or blank.
 */
export async function queueEmail(tx: Tx, request: EmailRequest): Promise<void> {
  await queueEmails(tx, [request]);
}

/**
 * Several e-mails at once, as `queueEmail` each, with each event's wording read once per
 * language and the messages written in one statement, in the order given.
 */
export async function queueEmails(tx: Tx, requests: EmailRequest[]): Promise<void> {
  const templates = new Map<string, Awaited<ReturnType<typeof resolveTemplate>>>();
  const rows: NewOutboxMessage[] = [];
  for (const request of requests) {
    const variables: Record<string, string> = { ...request.variables };
    if (!variables.recipientName) variables.recipientName = await recipientNameOf(tx, request);
    assertEveryValueGiven(request.event, variables);
    const key = `${request.event}|${request.locale}`;
    let template = templates.get(key);
    if (!template) {
      template = await resolveTemplate(tx, request.event, request.locale);
      templates.set(key, template);
    }
    const { subject, body } = renderTemplate(template, variables);
    rows.push({
      event: request.event,
      locale: request.locale,
      toAddress: request.to,
      userId: request.userId ?? null,
      subject,
      body,
      attachments: request.attachments ?? [],
    });
  }
  await insertOutboxMessages(tx, rows);
}

export interface InAppNotification {
  /** An i18n key under `notifications.kinds` in the web app. */
  kind: string;
  params: Record<string, string>;
  /** A path in the web app, e.g. `/nominations/<id>`. */
  link?: string | null;
}

const notificationInsert = preparedStatement((db) =>
  db
    .insert(notifications)
    .values({
      userId: sql.placeholder('userId'),
      kind: sql.placeholder('kind'),
      params: sql.placeholder('params'),
      link: sql.placeholder('link'),
    })
    .prepare('rabita_notification_insert'),
);

/** Adds a notification under the user's bell, in the caller's transaction. */
export async function notifyUser(tx: Tx, userId: string, note: InAppNotification): Promise<void> {
  await notificationInsert(tx, {
    userId,
    kind: note.kind,
    params: note.params,
    link: note.link ?? null,
  });
}
