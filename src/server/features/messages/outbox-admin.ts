import type { OutboxListQuery, OutboxMessage, OutboxSummary } from '../../../contract/messages.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import { conflict, notFound } from '../../http/errors.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { deliveryJobKey } from './delivery-job.js';
import { presentOutboxMessage, presentOutboxSummary } from './presenters.js';
import * as q from './queries.js';

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
