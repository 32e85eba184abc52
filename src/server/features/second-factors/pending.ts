import type { SecondFactorMethod } from '../../../contract/auth.js';
import type { Database, DbOrTx } from '../../db/client.js';
import type { PendingSignInRow } from '../../db/schema/index.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { findUserById, type UserRow } from '../auth/queries.js';
import { hashToken, newSecret } from '../auth/secrets.js';
import {
  countUnusedRecoveryCodes,
  insertPendingSignIn,
  selectPasskeys,
  selectPendingSignIn,
  selectTotp,
} from './queries.js';

/** A password proven, a second step to come: five minutes to make it. */
export const PENDING_SIGN_IN_MS = 5 * 60_000;

/** The cookie that carries a pending sign-in; the table keeps only its hash. */
export const PENDING_COOKIE = 'rabita_pending_sign_in';

export interface PendingSignIn {
  token: string;
  expiresAt: Date;
}

/**
 * Records that this user's password was right and that `purpose` (a second step, or setting
 * up a first factor) must follow before a session opens. Audited with the address.
 */
export async function startPendingSignIn(
  db: Database,
  user: { id: string },
  purpose: PendingSignInRow['purpose'],
  audit: { address: string; requestId: string; now: Date },
): Promise<PendingSignIn> {
  const token = newSecret();
  const expiresAt = new Date(audit.now.getTime() + PENDING_SIGN_IN_MS);
  await db.transaction(async (tx) => {
    await insertPendingSignIn(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      purpose,
      expiresAt,
    });
    await recordAudit(
      { tx, actor: { id: user.id }, requestId: audit.requestId },
      {
        action: purpose === 'verify' ? 'auth.second_step_required' : 'auth.enrolment_required',
        entityType: 'user',
        entityId: user.id,
        after: { address: audit.address },
      },
    );
  });
  return { token, expiresAt };
}

const expired = () =>
  new AppError(
    401,
    'second_step_expired',
    'This sign-in has expired or was not started: sign in with your password again.',
  );

/**
 * The pending sign-in the cookie names, for this purpose, and its (active) user; 401
 * `second_step_expired` when there is none, it is older than five minutes, or it is for
 * something else.
 */
export async function findPendingSignIn(
  db: DbOrTx,
  token: string | undefined,
  purpose: PendingSignInRow['purpose'],
  now: Date,
): Promise<{ pending: PendingSignInRow; user: UserRow }> {
  if (!token) throw expired();
  const pending = await selectPendingSignIn(db, hashToken(token), now);
  if (!pending || pending.purpose !== purpose) throw expired();
  const user = await findUserById(db, pending.userId);
  if (!user?.active) throw expired();
  return { pending, user };
}

/** The ways this account can make its second step. */
export async function secondStepMethods(db: DbOrTx, userId: string): Promise<SecondFactorMethod[]> {
  const methods: SecondFactorMethod[] = [];
  if ((await selectTotp(db, userId))?.confirmedAt) methods.push('totp');
  if ((await selectPasskeys(db, userId)).length > 0) methods.push('passkey');
  if ((await countUnusedRecoveryCodes(db, userId)) > 0) methods.push('recovery_code');
  return methods;
}
