import type { OutboxListQuery, OutboxMessage, OutboxSummary } from '../../../contract/messages.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import { conflict, notFound } from '../../http/errors.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import { recordAudit } from '../audit/record.js';
import { hashToken } from '../auth/secrets.js';
import type { ServiceContext } from '../context.js';
import { renewSupervisorToken } from '../surveys/supervisor-links.js';
import { deliveryJobKey } from './delivery-job.js';
import { LINK_MASK, secretLinksIn } from './links.js';
import { presentOutboxMessage, presentOutboxSummary } from './presenters.js';
import * as q from './queries.js';
import { renewPasswordToken } from './tokens.js';

/** One page of the outbox, newest first. */
export async function listOutbox(
  ctx: ServiceContext,
  query: OutboxListQuery,
): Promise<{ items: OutboxSummary[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, ['integer']);
  const rows = await q.selectOutbox(ctx.tx, {
    status: query.status,
    afterId: after ? Number(after[0]) : null,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentOutboxSummary),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null,
  };
}

export async function getOutboxMessage(ctx: ServiceContext, id: number): Promise<OutboxMessage> {
  const row = await q.selectOutboxMessage(ctx.tx, id);
  if (!row) throw notFound('The message');
  return presentOutboxMessage(row);
}

/**
 * Puts a failed or waiting message at the front of the queue. A failed one gets one more
 * attempt; if that fails too it is `failed` again at once.
 */
export async function retryOutboxMessage(ctx: ServiceContext, id: number): Promise<OutboxMessage> {
  const row = await q.selectOutboxMessage(ctx.tx, id, true);
  if (!row) throw notFound('The message');
  if (row.status === 'sent') throw conflict('already_sent', 'This message was already sent.');
  const updated = await q.updateOutboxMessage(ctx.tx, id, {
    status: 'pending',
    nextAttemptAt: new Date(),
  });
  if (!updated) throw notFound('The message');
  await enqueueJob(ctx.tx, 'mail.send', { outboxId: id }, { jobKey: deliveryJobKey(id) });
  await recordAudit(ctx, {
    action: 'outbox_message.retried',
    entityType: 'outbox_message',
    entityId: String(id),
    before: { status: row.status, attempts: row.attempts, lastError: row.lastError },
    after: { status: 'pending' },
  });
  return presentOutboxMessage(updated);
}

async function renewLink(
  ctx: ServiceContext,
  page: 'password' | 'survey',
  tokenHash: string,
  now: Date,
): Promise<string> {
  const fresh =
    page === 'password'
      ? await renewPasswordToken(ctx.tx, tokenHash, now)
      : await renewSupervisorToken(ctx.tx, tokenHash);
  if (!fresh) {
    throw conflict(
      'link_unknown',
      'The link in this e-mail no longer leads anywhere (used, answered or replaced by a newer e-mail); nothing was sent.',
    );
  }
  return fresh;
}

/**
 * A fresh secret for each one-time link of a message, the old ones no longer working: those
 * still in the text of a message not sent yet, and those sealed when it was sent (the masked
 * place then takes the new secret; one link per page is all an e-mail of ours carries).
 */
async function renewLinks(
  ctx: ServiceContext,
  row: q.OutboxRow,
  now: Date,
): Promise<{ subject: string; body: string; renewed: number }> {
  let { subject, body } = row;
  const open = secretLinksIn(`${subject}\n${body}`);
  for (const link of open) {
    const fresh = await renewLink(ctx, link.page, hashToken(link.token), now);
    subject = subject.replaceAll(link.token, fresh);
    body = body.replaceAll(link.token, fresh);
  }
  for (const link of row.sealedLinks) {
    const fresh = await renewLink(ctx, link.page, link.tokenHash, now);
    const masked = `/${link.page}/${LINK_MASK}`;
    subject = subject.replaceAll(masked, `/${link.page}/${fresh}`);
    body = body.replaceAll(masked, `/${link.page}/${fresh}`);
  }
  return { subject, body, renewed: open.length + row.sealedLinks.length };
}

/**
 * Sends an e-mail again. A one-time link in it (a password, invitation or supervisor's survey
 * link) is never sent twice: it gets a new secret and the old link stops working, so whoever
 * saw or kept the first e-mail cannot use it. A sent message is copied into a new one; one not
 * yet sent is changed in place and put at the front of the queue.
 */
export async function resendOutboxMessage(
  ctx: ServiceContext,
  id: number,
  now = new Date(),
): Promise<OutboxMessage> {
  const row = await q.selectOutboxMessage(ctx.tx, id, true);
  if (!row) throw notFound('The message');
  const { subject, body, renewed } = await renewLinks(ctx, row, now);
  let result: q.OutboxRow | undefined;
  if (row.status === 'sent') {
    result = await q.insertOutboxCopy(ctx.tx, {
      event: row.event,
      locale: row.locale,
      toAddress: row.toAddress,
      userId: row.userId,
      subject,
      body,
      attachments: row.attachments,
    });
  } else {
    result = await q.updateOutboxMessage(ctx.tx, id, {
      subject,
      body,
      status: 'pending',
      nextAttemptAt: now,
    });
    if (!result) throw notFound('The message');
    await enqueueJob(ctx.tx, 'mail.send', { outboxId: id }, { jobKey: deliveryJobKey(id) });
  }
  await recordAudit(ctx, {
    action: 'outbox_message.resent',
    entityType: 'outbox_message',
    entityId: String(id),
    before: { status: row.status },
    // How many links were renewed, never the links: the audit trail is read by others too.
    after: { status: 'pending', messageId: result.id, linksRenewed: renewed },
  });
  return presentOutboxMessage(result);
}
