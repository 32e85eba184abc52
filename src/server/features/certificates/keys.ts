import type { CertificateKeySet } from '../../../contract/certificates.js';
import type { DbOrTx } from '../../db/client.js';
import { publicUrl } from '../messages/links.js';
import * as q from './queries.js';
import { generateSigningKey, rawPublicKey } from './signing.js';

export const KEY_SET_PATH = '/.well-known/rabita-certificate-keys.json';

/** Where a key is published, as a verifier dereferences it (`verificationMethod`). */
export const keyUrl = (keyId: string) => `${publicUrl()}${KEY_SET_PATH}#${keyId}`;

/**
 * The key that signs now, made on first need. Ids name the month (`k-2026-11`); a second key
 * in one month gets a suffix. Two first issues at once both insert the same id: the second
 * waits for the first and then reads its key.
 */
export async function currentSigningKey(db: DbOrTx, now = new Date()): Promise<q.SigningKeyRow> {
  const existing = await q.selectSigningKey(db);
  if (existing) return existing;
  const month = now.toISOString().slice(0, 7);
  let id = `k-${month}`;
  for (let n = 2; await q.signingKeyIdTaken(db, id); n += 1) {
    // Only a retired key can hold the id here; a new key must not reuse it.
    id = `k-${month}-${n}`;
  }
  const pair = generateSigningKey();
  await q.insertSigningKey(db, { id, algorithm: 'Ed25519', ...pair, createdAt: now });
  const key = await q.selectSigningKey(db);
  if (!key) throw new Error('no signing key after creating one');
  return key;
}

/** Every verification key as a JWK set, for anyone to check a certificate or badge offline. */
export async function publishedKeySet(db: DbOrTx): Promise<CertificateKeySet> {
  const rows = await q.selectVerificationKeys(db);
  return {
    keys: rows.map((row) => ({
      kty: 'OKP' as const,
      crv: 'Ed25519' as const,
      x: rawPublicKey(row.publicKey),
      kid: row.id,
      alg: 'EdDSA' as const,
      use: 'sig' as const,
    })),
  };
}
