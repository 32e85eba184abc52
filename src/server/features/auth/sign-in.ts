import type { Me } from '../../../contract/auth.js';
import type { Database, Tx } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { countSignInFailure } from '../../metrics/process-metrics.js';
import { recordAudit } from '../audit/record.js';
import { openSession } from './open-session.js';
import { presentMe } from './presenters.js';
import * as q from './queries.js';
import { NO_PASSWORD_YET, verifyPassword } from './secrets.js';
import {
  attemptKeys,
  forgetStaleAttempts,
  releaseAttempt,
  reserveAttempt,
  type SignInThrottle,
} from './sign-in-throttle.js';

export interface SignInResult {
  me: Me;
  sessionToken: string;
  expiresAt: Date;
}

interface SignInRequest {
  db: Database;
  email: string;
  password: string;
  /** The client's address as the trusted proxy saw it. */
  address: string;
  userAgent: string | null;
  sessionHours: number;
  throttle: SignInThrottle;
  requestId: string;
  now: Date;
}

/** Why a sign-in failed, for the audit trail and metrics only: the caller hears the same for each. */
export type FailureReason =
  | 'unknown_email'
  | 'wrong_password'
  | 'no_password_yet'
  | 'inactive'
  | 'sso_only';

/**
 * Checks the credentials and opens a server-side session. The same answer for an unknown
 * e-mail, a wrong password and a deactivated account, so the form reveals nothing. Failures
 * slow down further attempts on the account and from the address (`sign-in-throttle.ts`) and are
 * audited.
 */
export async function signIn(opts: SignInRequest): Promise<SignInResult> {
  const keys = attemptKeys(opts.email, opts.address);
  await reserveAttempt(opts.db, keys, opts.throttle, opts.now);
  const user = await q.findUserByEmail(opts.db, opts.email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, opts.password);
  // An SSO-only account hears what a wrong password hears: the form tells nobody which it is.
  if (!user || !passwordOk || !user.active || user.ssoOnly) {
    const reason: FailureReason = !user
      ? 'unknown_email'
      : !passwordOk
        ? user.passwordHash === NO_PASSWORD_YET
          ? 'no_password_yet'
          : 'wrong_password'
        : !user.active
          ? 'inactive'
          : 'sso_only';
    await recordFailure(opts, user?.id ?? null, reason);
    countSignInFailure(reason);
    throw new AppError(401, 'invalid_credentials', 'The e-mail or password is not correct.');
  }
  const opened = await opts.db.transaction(async (tx) => {
    const session = await openSession(tx, user, opts);
    await releaseAttempt(tx, keys);
    const ctx = { tx, actor: { id: user.id }, requestId: opts.requestId };
    // Where from, as for a failure: the first thing asked when an account is misused.
    await recordAudit(ctx, {
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: user.id,
      after: { address: opts.address },
    });
    return session;
  });
  const { actor, sessionToken, expiresAt } = opened;
  return { me: presentMe(actor), sessionToken, expiresAt };
}

/**
 * Audits a failed sign-in: who was tried (the account, or the e-mail as typed when none has
 * it), from which address, and why. Never the password.
 */
async function recordFailure(opts: SignInRequest, userId: string | null, reason: FailureReason) {
  await opts.db.transaction(async (tx: Tx) => {
    await recordAudit(
      { tx, actor: null, requestId: opts.requestId },
      {
        action: 'auth.sign_in_failed',
        entityType: userId ? 'user' : 'sign_in',
        entityId: userId ?? opts.email.trim().toLowerCase(),
        after: { email: opts.email, address: opts.address, reason },
      },
    );
    await forgetStaleAttempts(tx, opts.now);
  });
}
