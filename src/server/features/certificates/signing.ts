import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { canonicalJson } from '../../../domain/certificate-payload.js';

/** A new Ed25519 key pair, as the signing_keys table keeps it. */
export function generateSigningKey(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** The raw 32-byte public key in base64url: the JWK's `x`. */
export function rawPublicKey(publicKeyPem: string): string {
  const jwk = createPublicKey(publicKeyPem).export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an Ed25519 public key');
  return jwk.x;
}

/** A public key from its raw base64url form (a JWK's `x`). */
export function publicKeyFromRaw(x: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

/** Signs bytes with a PKCS#8 PEM key; the signature in base64url. */
export function signBytes(privateKeyPem: string, data: Uint8Array): string {
  return sign(null, data, createPrivateKey(privateKeyPem)).toString('base64url');
}

/** True when the base64url signature is the key's over these bytes; never throws. */
export function verifyBytes(publicKey: string | KeyObject, data: Uint8Array, signature: string) {
  try {
    const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
    const bytes = Buffer.from(signature, 'base64url');
    return bytes.length === 64 && verify(null, data, key, bytes);
  } catch {
    return false;
  }
}

/** The bytes a certificate's signature covers: the canonical JSON of what it prints. */
export const signedBytes = (payload: unknown) => Buffer.from(canonicalJson(payload), 'utf8');
