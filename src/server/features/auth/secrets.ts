import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { normalisePassword } from '../../../domain/password-policy.js';

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. 2 is `Algorithm.Argon2id`, a const enum. */
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The argon2id hash of the password in its normalised (NFKC) form. */
export function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), ARGON2);
}

// Verifying against this when the e-mail is unknown makes both answers take the same time.
const DECOY_HASH = hashPassword(randomBytes(16).toString('hex'));

/**
 * Stored instead of a hash for an account whose owner has not chosen a password yet (an invited
 * participant): nothing verifies against it, and making it costs no argon2 run.
 */
export const NO_PASSWORD_YET = '!no-password-yet';

export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  if (storedHash === NO_PASSWORD_YET) {
    // Same work as a real check, so the answer's timing does not tell invited accounts apart.
    await verify(await DECOY_HASH, password).catch(() => false);
    return false;
  }
  try {
    const against = storedHash ?? (await DECOY_HASH);
    const normalised = normalisePassword(password);
    if (await verify(against, normalised)) return true;
    // Hashes made before passwords were normalised were of the text as typed.
    return normalised !== password && (await verify(against, password));
  } catch {
    return false;
  }
}

/** A random secret for a cookie or token; only its SHA-256 is stored. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens carry 256 random bits, so a fast hash is enough; argon2 is for guessable passwords. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Personal API tokens look like `rbt_<8-char prefix>_<secret>`; the prefix identifies them in lists. */
export function newApiToken(): { token: string; prefix: string } {
  const prefix = randomBytes(6).toString('base64url').slice(0, 8);
  return { token: `rbt_${prefix}_${newSecret()}`, prefix };
}
