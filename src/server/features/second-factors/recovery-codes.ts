import { randomBytes } from 'node:crypto';
import {
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
  recoveryCodeFrom,
} from '../../../domain/second-factors.js';
import type { DbOrTx } from '../../db/client.js';
import { hashToken } from '../auth/secrets.js';
import { replaceRecoveryCodes, spendRecoveryCode } from './queries.js';

/**
 * Makes the account's recovery codes anew, replacing every earlier one, and returns them for
 * showing once: only their SHA-256 is kept (50 random bits each, and spent after one use, so a
 * fast hash is enough).
 */
export async function issueRecoveryCodes(db: DbOrTx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    recoveryCodeFrom(randomBytes(10)),
  );
  await replaceRecoveryCodes(
    db,
    userId,
    codes.map((code) => hashToken(normaliseRecoveryCode(code))),
  );
  return codes;
}

/** Spends one of the account's unused codes; false when the code is wrong or already spent. */
export function redeemRecoveryCode(db: DbOrTx, userId: string, typed: string, now: Date) {
  return spendRecoveryCode(db, userId, hashToken(normaliseRecoveryCode(typed)), now);
}
