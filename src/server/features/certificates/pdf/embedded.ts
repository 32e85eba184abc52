/**
 * The signed content travels inside the PDF, in its document information dictionary, so the
 * file alone can be checked: the canonical payload (base64url, so the PDF string needs no
 * escaping), the signature and the id of the key that made it.
 */
export interface EmbeddedSignature {
  /** The exact bytes that were signed: the canonical JSON of the printed payload. */
  payload: Buffer;
  signature: string;
  keyId: string;
}

const KEYS = {
  payload: 'RabitaCertificate',
  signature: 'RabitaSignature',
  keyId: 'RabitaKeyId',
  verifyUrl: 'RabitaVerifyUrl',
} as const;

/**
 * The entry naming the issuer's public verification page, as the QR code does. It is not
 * signed: a checker may show it as a hint, never trust it as the issuer.
 */
export const verifyUrlEntry = (url: string) => ({ [KEYS.verifyUrl]: url });

/** The information-dictionary entries to add to a certificate's PDF. */
export function infoEntries(signed: EmbeddedSignature): Record<string, string> {
  return {
    [KEYS.payload]: signed.payload.toString('base64url'),
    [KEYS.signature]: signed.signature,
    [KEYS.keyId]: signed.keyId,
  };
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

const VALUE = '\\(([^()\\\\]{1,20000})\\)';

/**
 * Reads one entry as pdfkit writes it: `/Key (value)`, or `/Key 12 0 R` pointing to an object
 * `12 0 obj (value) endobj`; the value is plain ASCII.
 */
function entry(text: string, key: string): string | null {
  const direct = new RegExp(`/${key}\\s*${VALUE}`).exec(text);
  if (direct?.[1]) return direct[1];
  const reference = new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R`).exec(text);
  if (!reference) return null;
  const object = new RegExp(
    `(?:^|\\s)${reference[1]}\\s+${reference[2]}\\s+obj\\s*${VALUE}\\s*endobj`,
  ).exec(text);
  return object?.[1] ?? null;
}

/**
 * The signed content of a certificate PDF, or null when the file carries none (or a damaged
 * one). Nothing here is trusted yet: the caller checks the signature.
 */
export function extractSignature(pdf: Buffer): EmbeddedSignature | null {
  if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-'))) return null;
  const text = pdf.toString('latin1');
  const payload = entry(text, KEYS.payload);
  const signature = entry(text, KEYS.signature);
  const keyId = entry(text, KEYS.keyId);
  if (!payload || !signature || !keyId) return null;
  if (!BASE64URL.test(payload) || !BASE64URL.test(signature) || !/^[\w.-]{1,64}$/.test(keyId)) {
    return null;
  }
  return { payload: Buffer.from(payload, 'base64url'), signature, keyId };
}

/** The verification page the file claims to come from (unsigned, a hint only), or null. */
export function claimedVerifyUrl(pdf: Buffer): string | null {
  if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-'))) return null;
  const url = entry(pdf.toString('latin1'), KEYS.verifyUrl);
  return url && /^https?:\/\/[\x21-\x7e]+$/.test(url) ? url : null;
}
