import type { Tx } from '../../db/client.js';
import { hashToken, newSecret } from '../auth/secrets.js';
import {
  expireOpenTokens,
  insertPasswordToken,
  selectPasswordTokenForUpdate,
} from './account-queries.js';

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

/**
 * A new secret in place of an e-mailed one (given by its hash), for the same account and
 * purpose, with a full lifetime from now; every open link of that kind stops working. Null when
 * the old secret is unknown or its account is closed: there is nobody to renew it for.
 */
export async function renewPasswordToken(
  tx: Tx,
  oldTokenHash: string,
  now: Date,
): Promise<string | null> {
  const row = await selectPasswordTokenForUpdate(tx, oldTokenHash);
  if (!row?.user.active) return null;
  const purpose = row.token.purpose as PasswordTokenPurpose;
  await expireOpenTokens(tx, row.token.userId, purpose, now);
  return issuePasswordToken(tx, row.token.userId, purpose, now);
}
