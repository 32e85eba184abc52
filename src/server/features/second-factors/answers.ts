import { AppError } from '../../http/errors.js';
import type { PasswordStepResult } from './password-step.js';

/** The 401 that tells a client which step must follow the password, and how. */
export function secondStepNeeded(step: Exclude<PasswordStepResult, { next: 'signed_in' }>) {
  if (step.next === 'enrol') {
    return new AppError(
      401,
      'second_factor_enrolment_required',
      'Your role requires a second factor: set up an authenticator app to finish signing in.',
      undefined,
      undefined,
      { expiresAt: step.pending.expiresAt.toISOString() },
    );
  }
  return new AppError(
    401,
    'second_factor_required',
    'Finish signing in with your second factor.',
    undefined,
    undefined,
    { methods: step.methods, expiresAt: step.pending.expiresAt.toISOString() },
  );
}
