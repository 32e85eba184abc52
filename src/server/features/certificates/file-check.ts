import {
  type CertificateKeySet,
  PrintedCertificate,
  type Verification,
} from '../../../contract/certificates.js';
import { canonicalJson } from '../../../domain/certificate-payload.js';
import { extractSignature } from './pdf/embedded.js';
import { publicKeyFromRaw, verifyBytes } from './signing.js';

/** What a certificate file proves on its own, checked against a set of published keys. */
export type FileCheck =
  | { status: 'no-signature' }
  | { status: 'unknown-key'; keyId: string }
  | { status: 'altered'; keyId: string }
  | {
      status: 'signed';
      keyId: string;
      printed: PrintedCertificate;
      /** The exact signed bytes, to compare with the issuer's record. */
      payload: string;
    };

/**
 * Checks the signature a certificate PDF carries against the issuer's published keys (a JWK
 * set). No database and no network: the caller brings the keys, and decides whom it trusts.
 */
export function checkFileAgainstKeys(pdf: Buffer, keySet: CertificateKeySet): FileCheck {
  const embedded = extractSignature(pdf);
  if (!embedded) return { status: 'no-signature' };
  const { keyId } = embedded;
  const key = keySet.keys.find((k) => k.kid === keyId);
  if (!key) return { status: 'unknown-key', keyId };
  let holds = false;
  try {
    holds = verifyBytes(publicKeyFromRaw(key.x), embedded.payload, embedded.signature);
  } catch {
    holds = false;
  }
  if (!holds) return { status: 'altered', keyId };
  const payload = embedded.payload.toString('utf8');
  let parsed: ReturnType<typeof PrintedCertificate.safeParse>;
  try {
    parsed = PrintedCertificate.safeParse(JSON.parse(payload));
  } catch {
    return { status: 'altered', keyId };
  }
  if (!parsed.success) return { status: 'altered', keyId };
  return { status: 'signed', keyId, printed: parsed.data, payload };
}

/**
 * Whether the issuer's register agrees with the file: the same content on record, and its
 * revocation status. `register` is the issuer's public answer for the certificate's id.
 */
export function registerAgrees(
  check: Extract<FileCheck, { status: 'signed' }>,
  register: Verification,
): Verification {
  if (register.status === 'not-found' || register.status === 'invalid') return register;
  if (!register.certificate || canonicalJson(register.certificate) !== check.payload) {
    return { status: 'invalid' };
  }
  return register;
}
