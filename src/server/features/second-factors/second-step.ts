import type { SecondFactorMethod } from '../../../contract/auth.js';
import type { TotpVerdict } from '../../../domain/second-factors.js';
import type { Database, Tx } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { UserRow } from '../auth/queries.js';
import { openSession, type SessionRequest, type SignInResult } from '../auth/sign-in.js';
import {
  attemptKeys,
  forgetStaleAttempts,
  reserveAttempt,
  type SignInThrottle,
} from '../auth/sign-in-throttle.js';
import { passkeyAuthenticationOptions, verifyPasskeyAssertion } from './passkeys.js';
import { findPendingSignIn } from './pending.js';
import { countUnusedRecoveryCodes, deletePendingSignIn, setPendingChallenge } from './queries.js';
import { redeemRecoveryCode } from './recovery-codes.js';
import { checkTotpCode } from './totp.js';

export interface SecondStepRequest extends SessionRequest {
  db: Database;
  /** The pending sign-in cookie's value. */
  pendingToken: string | undefined;
  throttle: SignInThrottle;
}

export type SecondStepProof =
  | { method: 'totp'; code: string }
  | { method: 'recovery_code'; code: string }
  | { method: 'passkey'; credential: unknown };

/** Why a second step failed, for the audit trail. */
type FailureReason = Exclude<TotpVerdict, 'accepted'> | 'not_enrolled' | 'passkey_refused';

/** Options for the passkey assertion of a pending sign-in; its challenge is kept with it. */
export async function secondStepPasskeyOptions(opts: SecondStepRequest) {
  const { pending } = await findPendingSignIn(opts.db, opts.pendingToken, 'verify', opts.now);
  const options = await passkeyAuthenticationOptions(opts.db, pending.userId);
  await setPendingChallenge(opts.db, pending.tokenHash, options.challenge);
  return options;
}

/**
 * The second step of a sign-in: an authenticator-app code, a recovery code or a passkey
 * assertion for the pending sign-in the cookie names. Each attempt counts against the account
 * and the address as a failed password would (429 `sign_in_delayed` when they must wait), is
 * given back when right, and is audited with its reason when wrong. A code of another time is
 * told apart (`second_factor_clock_skew`) but is never a way in.
 */
export async function completeSecondStep(
  opts: SecondStepRequest,
  proof: SecondStepProof,
): Promise<SignInResult> {
  const { pending, user } = await findPendingSignIn(opts.db, opts.pendingToken, 'verify', opts.now);
  const keys = attemptKeys(user.email, opts.address);
  await reserveAttempt(opts.db, keys, opts.throttle, opts.now);
  const failure = await opts.db.transaction(async (tx) => {
    const reason = await judgeProof(tx, user, pending.challenge, proof, opts.now);
    // Spent once it succeeds: a passkey's challenge is answered once, a session opened once.
    if (reason === null) await deletePendingSignIn(tx, pending.tokenHash, opts.now);
    return reason;
  });
  if (failure !== null) {
    await recordSecondStepFailure(opts, user, proof.method, failure);
    throw failureError(failure);
  }
  const extra: Record<string, unknown> = { secondFactor: proof.method };
  if (proof.method === 'recovery_code') {
    extra.recoveryCodesLeft = await countUnusedRecoveryCodes(opts.db, user.id);
  }
  return openSession(opts, user, keys, extra);
}

async function judgeProof(
  tx: Tx,
  user: UserRow,
  challenge: string | null,
  proof: SecondStepProof,
  now: Date,
): Promise<FailureReason | null> {
  switch (proof.method) {
    case 'totp': {
      const verdict = await checkTotpCode(tx, user.id, proof.code, now, false);
      if (verdict === 'none') return 'not_enrolled';
      return verdict === 'accepted' ? null : verdict;
    }
    case 'recovery_code':
      return (await redeemRecoveryCode(tx, user.id, proof.code, now)) ? null : 'wrong_code';
    case 'passkey': {
      if (!challenge) return 'passkey_refused';
      const used = await verifyPasskeyAssertion(tx, user.id, challenge, proof.credential, now);
      return used ? null : 'passkey_refused';
    }
  }
}

async function recordSecondStepFailure(
  opts: SecondStepRequest,
  user: UserRow,
  method: SecondFactorMethod,
  reason: FailureReason,
) {
  await opts.db.transaction(async (tx) => {
    await recordAudit(
      { tx, actor: null, requestId: opts.requestId },
      {
        action: 'auth.second_step_failed',
        entityType: 'user',
        entityId: user.id,
        after: { address: opts.address, method, reason },
      },
    );
    await forgetStaleAttempts(tx, opts.now);
  });
}

function failureError(reason: FailureReason): AppError {
  switch (reason) {
    case 'reused':
      return new AppError(
        401,
        'second_factor_reused',
        'This code was already used; wait for the next one in your app.',
      );
    case 'clock_skew':
      return new AppError(
        401,
        'second_factor_clock_skew',
        'This code is not the current one: the clock of your device seems wrong. Set it to the network time and try again.',
      );
    default:
      return new AppError(401, 'second_factor_invalid', 'The code or passkey was not accepted.');
  }
}
