import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.js';
import { NominationStatus } from './nominations.js';
import { storableText, text } from './text.js';
import { NationCode } from './users.js';

/** The events an endpoint may ask for (docs/api.md, "Webhooks", describes each payload). */
export const WEBHOOK_EVENTS = [
  'nomination.decided',
  'session.changed',
  'session.cancelled',
  'certificate.issued',
  'certificate.revoked',
  'import.committed',
] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENTS);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/** Sent only by "send a test event", to the one endpoint asked; nobody subscribes to it. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An IPv4 literal in 169.254.0.0/16 (link-local, where cloud metadata services answer). */
function isLinkLocalLiteral(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (/^169\.254\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  if (/^fe[89ab][0-9a-f]?:/.test(host)) return true;
  // IPv4 written inside IPv6 (::ffff:169.254.169.254 is normalised to hex by the URL parser).
  return /^::ffff:a9fe:/.test(host) || host === 'fd00:ec2::254';
}

/** The URL, or null when it is not one (the `url` check has said so already). */
function parsed(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * Where deliveries go: https, or http to this machine only (a local relay, development, tests).
 * Never a link-local address; a name that resolves to one is refused when a delivery connects.
 */
export const WebhookUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .check(storableText)
  .refine((value) => {
    const url = parsed(value);
    return !url || url.protocol === 'https:' || LOOPBACK_HOSTS.has(url.hostname);
  }, 'must use https (http is accepted only for localhost)')
  .refine((value) => !isLinkLocalLiteral(parsed(value)?.hostname ?? ''), {
    message: 'must not be a link-local or metadata address',
  })
  .refine((value) => {
    const url = parsed(value);
    return !url || (url.username === '' && url.password === '' && url.hash === '');
  }, 'must carry no credentials and no fragment');

export const WebhookEndpoint = z
  .object({
    id: Uuid,
    url: z.string(),
    description: z.string(),
    events: z.array(WebhookEventType),
    /** Null: the centre's own system (every event, in full); else the one nation it serves. */
    nationCode: z.string().nullable(),
    enabled: z.boolean(),
    secretRotatedAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    /** Deliveries waiting for an attempt, and deliveries given up on. */
    pending: z.number().int(),
    failed: z.number().int(),
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** An endpoint with its signing secret: answered once, when made or when its secret changes. */
export const WebhookEndpointWithSecret = WebhookEndpoint.extend({
  secret: z.string().meta({ description: 'Standard Webhooks key, `whsec_` + base64. Shown once.' }),
}).meta({ id: 'WebhookEndpointWithSecret' });
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecret>;

const Events = z
  .array(WebhookEventType)
  .min(1)
  .max(WEBHOOK_EVENTS.length)
  .refine((events) => new Set(events).size === events.length, 'must not repeat an event');

export const CreateWebhookEndpointRequest = z.strictObject({
  url: WebhookUrl,
  description: text().trim().min(1).max(200),
  events: Events,
  nationCode: NationCode.nullable().default(null),
  enabled: z.boolean().default(true),
});
export type CreateWebhookEndpointRequest = z.input<typeof CreateWebhookEndpointRequest>;

export const UpdateWebhookEndpointRequest = z.strictObject({
  url: WebhookUrl.optional(),
  description: text().trim().min(1).max(200).optional(),
  events: Events.optional(),
  nationCode: NationCode.nullable().optional(),
  enabled: z.boolean().optional(),
});
export type UpdateWebhookEndpointRequest = z.input<typeof UpdateWebhookEndpointRequest>;

export const WebhookDeliveryStatus = z.enum(['pending', 'delivered', 'failed']);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>;

export const WebhookAttempt = z.object({
  at: IsoDateTime,
  /** The receiver's HTTP status; null when no answer came (refused, timed out...). */
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int(),
  error: z.string().nullable(),
  /** When the next attempt is due; null after a success or the last attempt. */
  nextAttemptAt: IsoDateTime.nullable(),
});

export const WebhookDelivery = z
  .object({
    /** The `webhook-id` header of every attempt: receivers use it to ignore a repeat. */
    id: z.string(),
    endpointId: Uuid,
    eventType: z.string(),
    status: WebhookDeliveryStatus,
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    nextAttemptAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
    deliveredAt: IsoDateTime.nullable(),
    /** The body sent, exactly as signed. */
    payload: z.record(z.string(), z.unknown()),
    attemptLog: z.array(WebhookAttempt),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryQuery = z.strictObject({
  status: WebhookDeliveryStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A delivery's id in a path: `msg_` and a ULID-like tail, as Standard Webhooks suggests. */
export const WebhookDeliveryId = z
  .string()
  .regex(/^msg_[0-9A-Za-z]{10,40}$/, 'must be a delivery id');

// The payloads, as `data` of the body `{ type, timestamp, data }`. Ids and codes, and only
// what the receiving endpoint's reader may see (a nation's endpoint: that nation's own records).

export const NominationDecidedData = z.object({
  nominationId: Uuid,
  nationCode: z.string(),
  status: NominationStatus,
  previousStatus: NominationStatus,
  action: z.string(),
  reason: z.string().nullable(),
  decidedAt: IsoDateTime,
  session: z.object({ id: Uuid, code: z.string(), startDate: z.string(), endDate: z.string() }),
  participant: z.object({
    id: Uuid,
    familyNameLatin: z.string(),
    givenNamesLatin: z.string(),
  }),
});
export type NominationDecidedData = z.infer<typeof NominationDecidedData>;

export const SessionChangedData = z.object({
  sessionId: Uuid,
  code: z.string(),
  kind: z.enum(['updated', 'cancelled']),
  status: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  /** Each field changed, before and after (dates, venue, joiningInstructions, director, status). */
  changes: z.array(z.record(z.string(), z.unknown())),
  reason: z.string().nullable(),
  /** The nominations the change concerns: all of them for the centre, the nation's own else. */
  nominations: z.array(z.object({ id: Uuid, nationCode: z.string(), status: z.string() })),
});
export type SessionChangedData = z.infer<typeof SessionChangedData>;

export const CertificateEventData = z.object({
  certificateId: z.string(),
  nominationId: Uuid,
  nationCode: z.string(),
  participantId: Uuid,
  sessionCode: z.string(),
  issuedAt: IsoDateTime,
  revokedAt: IsoDateTime.nullable(),
  revokeReason: z.string().nullable(),
  verifyUrl: z.string(),
});
export type CertificateEventData = z.infer<typeof CertificateEventData>;

/** What an import sends when it commits (the import feature calls `emitWebhookEvent`). */
export const ImportCommittedData = z.object({
  importId: z.string(),
  /** people, activities, sessions, contacts... */
  kind: z.string(),
  /** The nation whose records were imported; null for the centre's own (catalogue, sessions). */
  nationCode: z.string().nullable(),
  counts: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int(),
  }),
  committedAt: IsoDateTime,
});
export type ImportCommittedData = z.infer<typeof ImportCommittedData>;
