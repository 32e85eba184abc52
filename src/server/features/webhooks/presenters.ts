import type {
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEventType,
} from '../../../contract/webhooks.js';
import type { AttemptRow, DeliveryRow, EndpointRow, EndpointWithCounts } from './queries.js';

export function presentEndpoint(row: EndpointWithCounts): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as WebhookEventType[],
    nationCode: row.nationCode,
    enabled: row.enabled,
    secretRotatedAt: row.secretRotatedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    pending: row.pending,
    failed: row.failed,
  };
}

/** What the audit trail keeps of an endpoint: never its secret. */
export function auditedEndpoint(row: EndpointRow) {
  return {
    url: row.url,
    description: row.description,
    events: row.events,
    nationCode: row.nationCode,
    enabled: row.enabled,
  };
}

export function presentDelivery(
  row: DeliveryRow,
  attempts: readonly AttemptRow[],
): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventType: row.eventType,
    status: row.status as WebhookDeliveryStatus,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    payload: row.payload as Record<string, unknown>,
    attemptLog: attempts.map((a) => ({
      at: a.at.toISOString(),
      statusCode: a.statusCode,
      durationMs: a.durationMs,
      error: a.error,
      nextAttemptAt: a.nextAttemptAt?.toISOString() ?? null,
    })),
  };
}
