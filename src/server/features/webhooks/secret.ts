import { randomBytes } from 'node:crypto';

/**
 * A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64 (the specification
 * asks for 24 to 64). Receivers hand it as it is to a Standard Webhooks library.
 */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** A delivery's id, the `webhook-id` header: `msg_`, time first so ids sort by creation. */
export function newDeliveryId(now = Date.now()): string {
  return `msg_${now.toString(36).padStart(9, '0')}${randomBytes(12).toString('hex')}`;
}
