import type { Me } from '../../../contract/auth.js';
import type { Database, Tx } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { countSignInFailure } from '../../metrics/process-metrics.js';
import { recordAudit } from '../audit/record.js';
import { openSession as openSessionIn } from './open-session.js';
import { type ActorUser, presentMe } from './presenters.js';
import type { UserRow } from './queries.js';
import * as q from './queries.js';
import { NO_PASSWORD_YET, verifyPassword } from './secrets.js';
import {
  type AttemptKeys,
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

export interface SignInRequest {
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

/** The fields `openSession` needs from a sign-in request. */
export type SessionRequest = Pick<
  SignInRequest,
  'db' | 'address' | 'userAgent' | 'sessionHours' | 'requestId' | 'now'
>;

/**
 * Checks the credentials and opens a server-side session. The same answer for an unknown
 * e-mail, a wrong password and a deactivated account, so the form reveals nothing. Failures
 * slow down further attempts on the account and from the address (`sign-in-throttle.ts`) and are
 * audited.
 */
export async function signIn(opts: SignInRequest): Promise<SignInResult> {
  const user = await checkPassword(opts);
  return openSession(opts, user, attemptKeys(opts.email, opts.address));
}

/**
 * The first half of a sign-in: the account whose password this is, or 401
 * `invalid_credentials` (audited, counted by the throttle). The attempt stays reserved against
 * the account and the address until `openSession` gives it back.
 */
export async function checkPassword(opts: SignInRequest): Promise<UserRow> {
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
  return user;
}

/**
 * The second half: a session for a user whose identity is proven, the throttle's attempt given
 * back (`keys`, when the proof went through it), the sign-in audited with where it came from.
 * `extra` joins the audit record (e.g. the second factor used).
 */
export async function openSession(
  opts: SessionRequest,
  user: ActorUser,
  keys: AttemptKeys | null,
  extra: Record<string, unknown> = {},
): Promise<SignInResult> {
  const opened = await opts.db.transaction(async (tx) => {
    const session = await openSessionIn(tx, user, opts);
    if (keys) await releaseAttempt(tx, keys);
    const ctx = { tx, actor: { id: user.id }, requestId: opts.requestId };
    // Where from, as for a failure: the first thing asked when an account is misused.
    await recordAudit(ctx, {
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: user.id,
      after: { address: opts.address, ...extra },
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
