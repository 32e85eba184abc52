import type {
  Certificate,
  MyCertificate,
  PrintedCertificate,
} from '../../../contract/certificates.js';
import { verificationUrl } from '../../../domain/certificate-payload.js';
import { publicUrl } from '../messages/links.js';
import type { CertificateRow } from './queries.js';

/** The stored payload, read as what it is: the printed content that was signed. */
export const printedOf = (row: CertificateRow) => row.payload as PrintedCertificate;

export function presentCertificate(row: CertificateRow): Certificate {
  return {
    id: row.id,
    nominationId: row.nominationId,
    printed: printedOf(row),
    keyId: row.keyId,
    issuedAt: row.issuedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokeReason: row.revokeReason,
    verifyUrl: verificationUrl(publicUrl(), row.id),
  };
}

export function presentMyCertificate(row: CertificateRow): MyCertificate {
  return {
    id: row.id,
    printed: printedOf(row),
    issuedAt: row.issuedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** What the audit trail keeps of a certificate: enough to see what was issued, no key. */
export function auditView(row: CertificateRow) {
  return {
    nominationId: row.nominationId,
    keyId: row.keyId,
    printed: printedOf(row),
    revokedAt: row.revokedAt,
    revokeReason: row.revokeReason,
  };
}
