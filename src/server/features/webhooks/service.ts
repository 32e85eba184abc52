import {
  type CreateWebhookEndpointRequest,
  type UpdateWebhookEndpointRequest,
  WEBHOOK_TEST_EVENT,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhookEndpoint,
  type WebhookEndpointWithSecret,
} from '../../../contract/webhooks.js';
import { isForeignKeyViolation } from '../../db/errors.js';
import { AppError, notFound } from '../../http/errors.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { deliveryJobKey, emitWebhookEvent } from './emit.js';
import { auditedEndpoint, presentDelivery, presentEndpoint } from './presenters.js';
import * as q from './queries.js';
import { newSigningSecret } from './secret.js';

async function endpointOrNotFound(ctx: ServiceContext, id: string, lock = false) {
  const row = await q.findEndpoint(ctx.tx, id, lock);
  if (!row) throw notFound('The webhook endpoint');
  return row;
}

function unknownNation(error: unknown, nationCode: string | null | undefined): never {
  if (isForeignKeyViolation(error) && nationCode)
    throw new AppError(404, 'not_found', `The nation ${nationCode} was not found.`);
  throw error;
}

export async function listEndpoints(ctx: ServiceContext): Promise<WebhookEndpoint[]> {
  return (await q.listEndpoints(ctx.tx)).map(presentEndpoint);
}

export async function getEndpoint(ctx: ServiceContext, id: string): Promise<WebhookEndpoint> {
  return presentEndpoint(await endpointOrNotFound(ctx, id));
}

/** Registers an endpoint with a new signing secret, answered this once. */
export async function createEndpoint(
  ctx: ServiceContext,
  input: CreateWebhookEndpointRequest,
): Promise<WebhookEndpointWithSecret> {
  const secret = newSigningSecret();
  const row = await q
    .insertEndpoint(ctx.tx, {
      url: input.url,
      description: input.description,
      events: [...input.events],
      nationCode: input.nationCode ?? null,
      enabled: input.enabled ?? true,
      secret,
    })
    .catch((error: unknown) => unknownNation(error, input.nationCode));
  await recordAudit(ctx, {
    action: 'webhook_endpoint.created',
    entityType: 'webhook_endpoint',
    entityId: row.id,
    after: auditedEndpoint(row),
  });
  return { ...presentEndpoint({ ...row, pending: 0, failed: 0 }), secret };
}

/** Changes an endpoint; disabling it stops new deliveries and fails those waiting. */
export async function updateEndpoint(
  ctx: ServiceContext,
  id: string,
  input: UpdateWebhookEndpointRequest,
): Promise<WebhookEndpoint> {
  const existing = await endpointOrNotFound(ctx, id, true);
  const row = await q
    .updateEndpoint(ctx.tx, id, {
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.events !== undefined ? { events: [...input.events] } : {}),
      ...(input.nationCode !== undefined ? { nationCode: input.nationCode } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
    })
    .catch((error: unknown) => unknownNation(error, input.nationCode));
  if (!row) throw notFound('The webhook endpoint');
  await recordAudit(ctx, {
    action: 'webhook_endpoint.updated',
    entityType: 'webhook_endpoint',
    entityId: id,
    before: auditedEndpoint(existing),
    after: auditedEndpoint(row),
  });
  return getEndpoint(ctx, id);
}

export async function deleteEndpoint(ctx: ServiceContext, id: string): Promise<void> {
  const row = await q.deleteEndpoint(ctx.tx, id);
  if (!row) throw notFound('The webhook endpoint');
  await recordAudit(ctx, {
    action: 'webhook_endpoint.deleted',
    entityType: 'webhook_endpoint',
    entityId: id,
    before: auditedEndpoint(row),
  });
}

/**
 * Replaces the signing secret and answers the new one, this once. Attempts from now on are
 * signed with it; the receiver must be given it before the old one is dropped there.
 */
export async function rotateSecret(
  ctx: ServiceContext,
  id: string,
): Promise<WebhookEndpointWithSecret> {
  await endpointOrNotFound(ctx, id, true);
  const secret = newSigningSecret();
  await q.updateEndpoint(ctx.tx, id, { secret, secretRotatedAt: new Date() });
  await recordAudit(ctx, {
    action: 'webhook_endpoint.secret_rotated',
    entityType: 'webhook_endpoint',
    entityId: id,
  });
  return { ...(await getEndpoint(ctx, id)), secret };
}

/** Queues a `webhook.test` event to one endpoint, whatever events it asked for. */
export async function sendTestEvent(ctx: ServiceContext, id: string): Promise<WebhookDelivery> {
  // A disabled endpoint's test delivery fails at once, and says so in its log.
  await endpointOrNotFound(ctx, id);
  await emitWebhookEvent(ctx.tx, {
    type: WEBHOOK_TEST_EVENT,
    endpointId: id,
    data: { message: 'A test event from Rabita.', endpointId: id },
  });
  await recordAudit(ctx, {
    action: 'webhook_endpoint.tested',
    entityType: 'webhook_endpoint',
    entityId: id,
  });
  const [latest] = await q.listDeliveries(ctx.tx, id, { limit: 1 });
  if (!latest) throw notFound('The test delivery');
  return presentDelivery(latest, []);
}

export async function listDeliveries(
  ctx: ServiceContext,
  endpointId: string,
  query: { status?: WebhookDeliveryStatus; limit: number },
): Promise<WebhookDelivery[]> {
  await endpointOrNotFound(ctx, endpointId);
  const rows = await q.listDeliveries(ctx.tx, endpointId, query);
  const attempts = await q.attemptsOf(
    ctx.tx,
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    presentDelivery(
      row,
      attempts.filter((a) => a.deliveryId === row.id),
    ),
  );
}

/**
 * "Send again": a delivery goes back to the queue now with a fresh round of attempts (one still
 * waiting for its next attempt is brought forward). Its `webhook-id` stays, so a receiver that
 * had it can tell.
 */
export async function resendDelivery(
  ctx: ServiceContext,
  deliveryId: string,
): Promise<WebhookDelivery> {
  const row = await q.findDelivery(ctx.tx, deliveryId, true);
  if (!row) throw notFound('The webhook delivery');
  const now = new Date();
  const updated = await q.updateDelivery(ctx.tx, deliveryId, {
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    deliveredAt: null,
  });
  await enqueueJob(
    ctx.tx,
    'webhooks.deliver',
    { deliveryId },
    { jobKey: deliveryJobKey(deliveryId) },
  );
  await recordAudit(ctx, {
    action: 'webhook_delivery.resent',
    entityType: 'webhook_delivery',
    entityId: deliveryId,
    before: { status: row.status, attempts: row.attempts },
  });
  if (!updated) throw notFound('The webhook delivery');
  return presentDelivery(updated, await q.attemptsOf(ctx.tx, [deliveryId]));
}
