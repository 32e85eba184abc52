import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import { checkInPayload, formatCheckInCode } from '../../../domain/attendance.js';
import { publicUrl } from '../messages/links.js';

/** A new per-day secret: 32 random bytes, never shown, only used to sign that day's code. */
export function newCheckInSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** 128 bits of HMAC-SHA256 are plenty against forgery and keep the QR code small. */
function signatureOf(secret: string, sessionCode: string, day: string): string {
  return createHmac('sha256', secret)
    .update(checkInPayload(sessionCode, day))
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

export function signCheckInCode(secret: string, sessionCode: string, day: string): string {
  return formatCheckInCode(sessionCode, day, signatureOf(secret, sessionCode, day));
}

/** Compares in constant time, so a forger learns nothing from how long a refusal takes. */
export function isGenuineSignature(
  secret: string,
  sessionCode: string,
  day: string,
  signature: string,
): boolean {
  const expected = Buffer.from(signatureOf(secret, sessionCode, day));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The page a scan opens; it always comes from PUBLIC_URL, never from a request's Host. */
export function checkInUrl(code: string): string {
  return `${publicUrl()}/check-in/${code}`;
}

/** The QR code of a URL as an SVG document, with a quiet zone for scanners. */
export function qrSvgOf(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
