import type { SecondFactorMethod } from '../../../contract/auth.js';
import {
  checkPassword,
  openSession,
  type SignInRequest,
  type SignInResult,
} from '../auth/sign-in.js';
import { attemptKeys, releaseAttempt } from '../auth/sign-in-throttle.js';
import { type PendingSignIn, secondStepMethods, startPendingSignIn } from './pending.js';
import { secondFactorRequired } from './policy.js';
import { hasSecondFactor } from './queries.js';

export type PasswordStepResult =
  | { next: 'signed_in'; result: SignInResult }
  | { next: 'second_step'; pending: PendingSignIn; methods: SecondFactorMethod[] }
  | { next: 'enrol'; pending: PendingSignIn };

/**
 * A sign-in with e-mail and password. An account with a second factor, or whose role requires
 * one, gets no session yet but a pending sign-in: the second step (`second-step.ts`), or the
 * setting up of a first factor (`enrolment.ts`), opens the session. The password attempt is
 * given back to the throttle once it is known to be right; the second step has its own.
 */
export async function signInWithPassword(opts: SignInRequest): Promise<PasswordStepResult> {
  const user = await checkPassword(opts);
  const keys = attemptKeys(opts.email, opts.address);
  const enrolled = await hasSecondFactor(opts.db, user.id);
  const required = !enrolled && (await secondFactorRequired(opts.db, user.roles));
  if (!enrolled && !required) {
    return { next: 'signed_in', result: await openSession(opts, user, keys) };
  }
  await releaseAttempt(opts.db, keys);
  const pending = await startPendingSignIn(opts.db, user, enrolled ? 'verify' : 'enrol', opts);
  if (!enrolled) return { next: 'enrol', pending };
  return { next: 'second_step', pending, methods: await secondStepMethods(opts.db, user.id) };
}
