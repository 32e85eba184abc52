import type { Tx } from '../../db/client.js';
import { hashToken, newSecret } from '../auth/secrets.js';
import { insertPasswordToken } from './account-queries.js';

export type PasswordTokenPurpose = 'reset' | 'invite';

/** How long each kind of link works. */
export const TOKEN_TTL_MS: Record<PasswordTokenPurpose, number> = {
  reset: 3_600_000,
  invite: 14 * 86_400_000,
};

/** A new one-time link secret for the user; only its SHA-256 is stored. */
export async function issuePasswordToken(
  tx: Tx,
  userId: string,
  purpose: PasswordTokenPurpose,
  now: Date,
): Promise<string> {
  const token = newSecret();
  await insertPasswordToken(tx, {
    tokenHash: hashToken(token),
    userId,
    purpose,
    expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]),
    createdAt: now,
  });
  return token;
}
