import { PrintedVisaLetter, type VisaLetter } from '../../../contract/visa-letters.js';
import { letterVerificationUrl } from '../../../domain/visa-letter-payload.js';
import { publicUrl } from '../messages/links.js';
import type { VisaLetterRow } from './queries.js';

/** What a stored letter prints, read back through its schema. */
export const printedOf = (row: VisaLetterRow): PrintedVisaLetter =>
  PrintedVisaLetter.parse(row.payload);

export function presentLetter(row: VisaLetterRow): VisaLetter {
  return {
    id: row.id,
    nominationId: row.nominationId,
    assignmentId: row.sessionLecturerId,
    printed: printedOf(row),
    issuedAt: row.issuedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokeReason: row.revokeReason,
    verifyUrl: letterVerificationUrl(publicUrl(), row.id),
  };
}

/** The audit trail's view: ids and dates, never the passport number it prints. */
export function auditView(row: VisaLetterRow) {
  return {
    id: row.id,
    nominationId: row.nominationId,
    assignmentId: row.sessionLecturerId,
    keyId: row.keyId,
    issuedAt: row.issuedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokeReason: row.revokeReason,
  };
}
