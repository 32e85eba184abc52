import { CERTIFICATE_ID_PATTERN } from '../../../contract/certificates.js';
import { type LetterVerification, PrintedVisaLetter } from '../../../contract/visa-letters.js';
import type { DbOrTx } from '../../db/client.js';
import { selectVerificationKey } from '../certificates/queries.js';
import { signedBytes, verifyBytes } from '../certificates/signing.js';
import * as q from './queries.js';

/**
 * What the public may know about a letter id: exactly what the letter prints, once its stored
 * signature checks out again (a row altered in the database reads "invalid"); a malformed or
 * unknown id reads "not-found" and nothing else.
 */
export async function verifyLetterId(db: DbOrTx, id: string): Promise<LetterVerification> {
  if (!CERTIFICATE_ID_PATTERN.test(id)) return { status: 'not-found' };
  const row = await q.selectLetterById(db, id);
  if (!row) return { status: 'not-found' };
  const printed = PrintedVisaLetter.safeParse(row.payload);
  if (!printed.success || printed.data.id !== row.id) return { status: 'invalid' };
  const key = await selectVerificationKey(db, row.keyId);
  if (!key || !verifyBytes(key.publicKey, signedBytes(row.payload), row.signature)) {
    return { status: 'invalid' };
  }
  if (row.revokedAt) {
    return {
      status: 'revoked',
      revokedOn: row.revokedAt.toISOString().slice(0, 10),
      ...(row.revokeReason ? { reason: row.revokeReason } : {}),
      letter: printed.data,
    };
  }
  return { status: 'valid', letter: printed.data };
}
