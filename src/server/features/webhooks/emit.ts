import type { WebhookEventType } from '../../../contract/webhooks.js';
import type { DbOrTx } from '../../db/client.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import * as q from './queries.js';
import { newDeliveryId } from './secret.js';

/**
 * One event, as each kind of endpoint may receive it. The centre's endpoints receive `data`;
 * a nation's endpoint receives `nations[its code]`, which the caller has already trimmed to what
 * that nation's NPOC may read, or nothing when its nation is not listed.
 */
export interface WebhookEvent<T extends object = object> {
  type: WebhookEventType | 'webhook.test';
  data: T;
  nations?: Readonly<Record<string, T>>;
  /** When it happened; now when absent. */
  at?: Date;
  /** Only this endpoint (a test event); every subscribed endpoint when absent. */
  endpointId?: string;
}

/** The job key of a delivery: one waiting attempt per delivery, whoever enqueues it. */
export const deliveryJobKey = (deliveryId: string) => `webhook:${deliveryId}`;

/** The body every delivery sends, as the Standard Webhooks specification shapes it. */
export function webhookBody(type: string, at: Date, data: object) {
  return { type, timestamp: at.toISOString(), data };
}

/**
 * Records an event for every enabled endpoint that asked for it and queues each delivery, in
 * the caller's transaction: a rollback takes the deliveries with it, a commit never loses one.
 * Call it wherever the event happens, after the change is written. The body is built now, so a
 * receiver hears of the event as it was, whatever happens to the records afterwards.
 * Returns how many deliveries were queued.
 */
export async function emitWebhookEvent(tx: DbOrTx, event: WebhookEvent): Promise<number> {
  const nations = event.nations ?? {};
  const endpoints = event.endpointId
    ? []
    : await q.subscribedEndpoints(tx, event.type, Object.keys(nations));
  const targets = event.endpointId ? [{ id: event.endpointId, nationCode: null }] : endpoints;
  const at = event.at ?? new Date();
  const rows = targets.flatMap((endpoint) => {
    const data = endpoint.nationCode === null ? event.data : nations[endpoint.nationCode];
    if (!data) return [];
    return [
      {
        id: newDeliveryId(at.getTime()),
        endpointId: endpoint.id,
        eventType: event.type,
        payload: webhookBody(event.type, at, data),
        nextAttemptAt: at,
      },
    ];
  });
  await q.insertDeliveries(tx, rows);
  for (const row of rows)
    await enqueueJob(
      tx,
      'webhooks.deliver',
      { deliveryId: row.id },
      { jobKey: deliveryJobKey(row.id) },
    );
  return rows.length;
}

/** Whether any enabled endpoint asked for an event: builders skip their reads when none did. */
export async function anyoneListens(tx: DbOrTx, type: WebhookEventType): Promise<boolean> {
  return await q.anySubscribed(tx, type);
}
