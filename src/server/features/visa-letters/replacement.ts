import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { auditView } from './presenters.js';
import * as q from './queries.js';

/** A letter's public id: 128 random bits, URL-safe, printed under its QR code. */
export const newLetterId = () => randomBytes(16).toString('base64url');

/**
 * Revokes a live letter whose data changed before its successor is issued (a participant's or a
 * lecturer's alike), so the public page of the old one says it was replaced; audited.
 */
export function revokeReplacedLetter(ctx: ServiceContext, existing: q.VisaLetterRow) {
  return revokeLetter(ctx, existing, 'Replaced by a letter with updated data.');
}

/** Revokes a live letter for the reason given, which its public page shows; audited. */
export async function revokeLetter(
  ctx: ServiceContext,
  existing: q.VisaLetterRow,
  reason: string,
): Promise<void> {
  const revoked = await q.markLetterRevoked(ctx.tx, existing.id, ctx.actor.id, reason);
  await recordAudit(ctx, {
    action: 'visa-letter.revoked',
    entityType: 'visa-letter',
    entityId: existing.id,
    before: auditView(existing),
    after: revoked ? auditView(revoked) : null,
  });
}
