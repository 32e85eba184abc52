import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The server's Ed25519 key that signs the audit chain's checkpoints. */
export interface AuditSigningKey {
  privateKey: KeyObject | null;
  publicKey: KeyObject;
  /** SHA-256 (hex) of the public key's DER form. */
  keyId: string;
  publicPem: string;
}

export class SigningKeyError extends Error {}

/**
 * Reads the key file (PKCS#8 PEM), or creates it (mode 0600) when `create` is set and there is
 * none: the first server start makes the key, and every later start and the worker read it.
 * Created with O_EXCL, so two processes starting together end up with the same key.
 */
export function loadSigningKey(file: string, options: { create: boolean }): AuditSigningKey {
  if (!fs.existsSync(file)) {
    if (!options.create)
      throw new SigningKeyError(
        `The audit signing key ${file} does not exist; start the server once to create it, or set RABITA_AUDIT_KEY_FILE.`,
      );
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(fs.readFileSync(file));
  } catch {
    throw new SigningKeyError(`The audit signing key ${file} is not a private key in PEM form.`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new SigningKeyError(`The audit signing key ${file} is not an Ed25519 key.`);
  return withPublicParts(privateKey, createPublicKey(privateKey));
}

/** A public key alone (e.g. one an auditor was given), to check signatures only. */
export function publicKeyOnly(pem: string): AuditSigningKey {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(pem);
  } catch {
    throw new SigningKeyError('The public key is not a key in PEM form.');
  }
  if (publicKey.asymmetricKeyType !== 'ed25519')
    throw new SigningKeyError('The public key is not an Ed25519 key.');
  return withPublicParts(null, publicKey);
}

function withPublicParts(privateKey: KeyObject | null, publicKey: KeyObject): AuditSigningKey {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    publicKey,
    keyId: createHash('sha256').update(der).digest('hex'),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** What a checkpoint's signature covers: the record's place, its hash and when it was signed. */
export function checkpointMessage(seq: string, hash: string, signedAt: Date): Buffer {
  return Buffer.from(`rabita-audit-checkpoint-1\n${seq}\n${hash}\n${signedAt.toISOString()}`);
}

export function signCheckpoint(key: AuditSigningKey, message: Buffer): string {
  if (!key.privateKey) throw new SigningKeyError('Only a public key is loaded; it cannot sign.');
  return sign(null, message, key.privateKey).toString('base64');
}

export function checkpointSignatureHolds(
  key: AuditSigningKey,
  message: Buffer,
  signature: string,
): boolean {
  try {
    return verify(null, message, key.publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
