import { Webhook } from 'standardwebhooks';
import type { Database } from '../../db/client.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import { webhookRetryDelayMs } from './backoff.js';
import { deliveryJobKey } from './emit.js';
import * as q from './queries.js';
import { postWebhook } from './send.js';

export type WebhookOutcome =
  | { outcome: 'delivered' | 'skipped' }
  | { outcome: 'retry' | 'failed'; attempts: number; error: string };

/**
 * Sends one delivery, the job `webhooks.deliver`. No transaction is open while the receiver is
 * talked to: the row is read, the body signed and sent, then the attempt written. Each attempt
 * carries the same `webhook-id`, a fresh `webhook-timestamp` and its signature (Standard
 * Webhooks, signed by the `standardwebhooks` library). A failure is written with when the next
 * attempt is due and the delivery re-enqueued for then; after the last one it is `failed`.
 * A delivery whose endpoint was disabled meanwhile fails at once, without a request.
 */
export async function deliverWebhook(
  db: Database,
  deliveryId: string,
  random: () => number = Math.random,
): Promise<WebhookOutcome> {
  const row = await q.deliveryToSend(db, deliveryId);
  if (row?.delivery.status !== 'pending') return { outcome: 'skipped' };
  const { delivery, endpoint } = row;
  const attempts = delivery.attempts + 1;
  const now = new Date();
  let result: { statusCode: number | null; durationMs: number; error: string | null };
  if (!endpoint.enabled) {
    result = { statusCode: null, durationMs: 0, error: 'the endpoint is disabled' };
  } else {
    const body = JSON.stringify(delivery.payload);
    const signature = new Webhook(endpoint.secret).sign(delivery.id, now, body);
    result = await postWebhook(
      endpoint.url,
      {
        'webhook-id': delivery.id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
    );
  }
  const delay =
    result.error === null || !endpoint.enabled ? null : webhookRetryDelayMs(attempts, random());
  const nextAttemptAt = delay === null ? null : new Date(Date.now() + delay);
  const status = result.error === null ? 'delivered' : nextAttemptAt ? 'pending' : 'failed';
  await db.transaction(async (tx) => {
    const updated = await q.updateDelivery(
      tx,
      deliveryId,
      {
        status,
        attempts,
        lastStatusCode: result.statusCode,
        nextAttemptAt,
        ...(status === 'delivered' ? { deliveredAt: new Date() } : {}),
      },
      'pending',
    );
    // Removed or sent again meanwhile: this attempt's outcome is no longer the delivery's.
    if (!updated) return;
    await q.insertAttempt(tx, {
      deliveryId,
      at: now,
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      error: result.error,
      nextAttemptAt,
    });
    if (nextAttemptAt)
      await enqueueJob(
        tx,
        'webhooks.deliver',
        { deliveryId },
        { jobKey: deliveryJobKey(deliveryId), runAt: nextAttemptAt },
      );
  });
  if (result.error === null) return { outcome: 'delivered' };
  return { outcome: status === 'failed' ? 'failed' : 'retry', attempts, error: result.error };
}
