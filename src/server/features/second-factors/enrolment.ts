import type { TotpEnrolment } from '../../../contract/auth.js';
import { openSession, type SignInResult } from '../auth/sign-in.js';
import { attemptKeys, reserveAttempt } from '../auth/sign-in-throttle.js';
import { confirmTotpFor } from './manage.js';
import { findPendingSignIn } from './pending.js';
import { deletePendingSignIn } from './queries.js';
import type { SecondStepRequest } from './second-step.js';
import { startTotpEnrolment } from './totp.js';

/**
 * Forced enrolment: a user whose role requires a second factor and who has none sets up an
 * authenticator app before getting a session. The pending sign-in stands for the password.
 */
export async function startEnrolmentTotp(opts: SecondStepRequest): Promise<TotpEnrolment> {
  const { user } = await findPendingSignIn(opts.db, opts.pendingToken, 'enrol', opts.now);
  return opts.db.transaction((tx) => startTotpEnrolment(tx, user));
}

/**
 * Confirms the app with a first code (throttled as any second step), issues the recovery
 * codes to show once, and opens the session.
 */
export async function completeEnrolmentTotp(
  opts: SecondStepRequest,
  code: string,
): Promise<SignInResult & { recoveryCodes: string[] }> {
  const { pending, user } = await findPendingSignIn(opts.db, opts.pendingToken, 'enrol', opts.now);
  const keys = attemptKeys(user.email, opts.address);
  await reserveAttempt(opts.db, keys, opts.throttle, opts.now);
  const added = await opts.db.transaction(async (tx) => {
    const ctx = { tx, requestId: opts.requestId, actor: { id: user.id } };
    const result = await confirmTotpFor(ctx, user, code, opts.now);
    await deletePendingSignIn(tx, pending.tokenHash, opts.now);
    return result;
  });
  const result = await openSession(opts, user, keys, { secondFactor: 'totp', enrolled: true });
  return { ...result, recoveryCodes: added.recoveryCodes ?? [] };
}
