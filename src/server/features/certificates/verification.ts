import {
  CERTIFICATE_ID_PATTERN,
  PrintedCertificate,
  type Verification,
} from '../../../contract/certificates.js';
import { canonicalJson } from '../../../domain/certificate-payload.js';
import type { DbOrTx } from '../../db/client.js';
import { extractSignature } from './pdf/embedded.js';
import * as q from './queries.js';
import { signedBytes, verifyBytes } from './signing.js';

const NOT_FOUND: Verification = { status: 'not-found' };
const INVALID: Verification = { status: 'invalid' };

/** The answer for a certificate whose signature held: valid, or revoked with when and why. */
function answer(row: q.CertificateRow, printed: PrintedCertificate): Verification {
  if (row.revokedAt) {
    return {
      status: 'revoked',
      revokedOn: row.revokedAt.toISOString().slice(0, 10),
      ...(row.revokeReason ? { reason: row.revokeReason } : {}),
      certificate: printed,
    };
  }
  return { status: 'valid', certificate: printed };
}

async function signatureHolds(db: DbOrTx, bytes: Buffer, signature: string, keyId: string) {
  const key = await q.selectVerificationKey(db, keyId);
  return key !== undefined && verifyBytes(key.publicKey, bytes, signature);
}

/**
 * What the public may know about a certificate id. The stored payload's signature is checked
 * again, so a row altered in the database reads "invalid"; an id that is malformed or unknown
 * reads "not-found" and nothing else.
 */
export async function verifyCertificateId(db: DbOrTx, id: string): Promise<Verification> {
  if (!CERTIFICATE_ID_PATTERN.test(id)) return NOT_FOUND;
  const row = await q.selectCertificateById(db, id);
  if (!row) return NOT_FOUND;
  const printed = PrintedCertificate.safeParse(row.payload);
  if (!printed.success || printed.data.id !== row.id) return INVALID;
  if (!(await signatureHolds(db, signedBytes(row.payload), row.signature, row.keyId))) {
    return INVALID;
  }
  return answer(row, printed.data);
}

/**
 * Checks a certificate PDF on its own: the content it carries must be signed by one of the
 * centre's keys and match the certificate on record, whose revocation is then reported.
 */
export async function verifyCertificateFile(db: DbOrTx, pdf: Buffer): Promise<Verification> {
  const embedded = extractSignature(pdf);
  if (!embedded) return INVALID;
  if (!(await signatureHolds(db, embedded.payload, embedded.signature, embedded.keyId))) {
    return INVALID;
  }
  let printed: PrintedCertificate;
  try {
    const parsed = PrintedCertificate.safeParse(JSON.parse(embedded.payload.toString('utf8')));
    if (!parsed.success) return INVALID;
    printed = parsed.data;
  } catch {
    return INVALID;
  }
  const row = await q.selectCertificateById(db, printed.id);
  if (!row) return NOT_FOUND;
  if (canonicalJson(row.payload) !== embedded.payload.toString('utf8')) return INVALID;
  return answer(row, printed);
}
