import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import type { PasswordProblem } from '../../../contract/auth.js';
import {
  normalisePassword,
  type PasswordOwner,
  passwordProblem,
  personalWords,
} from '../../../domain/password-policy.js';
import { AppError } from '../../http/errors.js';

/**
 * Below this many guesses (10^8, zxcvbn's score 3) a password is made of common passwords,
 * words, dates, keyboard walks, repeats or sequences that an attacker tries first.
 */
const MIN_GUESSES_LOG10 = 8;

const MESSAGES: Record<PasswordProblem, string> = {
  password_too_short: 'is too short',
  password_only_spaces: 'cannot be only spaces',
  password_repetitive: 'repeats the same few characters',
  password_sequential: 'is a simple sequence such as 123456 or abcdef',
  password_personal: 'contains your name or e-mail address',
  password_too_common: 'is too common or too easy to guess; a few unrelated words are better',
};

// The dictionaries are built into lookup tables on first use, not when a CLI command loads.
let estimator: ZxcvbnFactory | undefined;

/** How many guesses (log10) zxcvbn's dictionary of ~50,000 common passwords and patterns needs. */
function guessesLog10(password: string, userInputs: string[]): number {
  estimator ??= new ZxcvbnFactory({
    dictionary: common.dictionary,
    graphs: common.adjacencyGraphs,
  });
  return estimator.check(password, userInputs).guessesLog10;
}

/** The English phrase for a password problem, after the field's name. */
export function passwordProblemMessage(code: PasswordProblem): string {
  return MESSAGES[code];
}

/** The first rule a new password breaks, the dictionary check included; null when it is fine. */
export function newPasswordProblem(password: string, owner: PasswordOwner): PasswordProblem | null {
  const problem = passwordProblem(password, owner);
  if (problem) return problem;
  const normalised = normalisePassword(password);
  return guessesLog10(normalised, personalWords(owner)) < MIN_GUESSES_LOG10
    ? 'password_too_common'
    : null;
}

/**
 * Refuses a new password that NIST SP 800-63B says not to accept, with a 400 naming the field
 * and a `password_*` code the web app translates. Applies to everyone, administrators included,
 * wherever a password is chosen: account creation, invitation, reset and change.
 */
export function assertAcceptablePassword(
  password: string,
  owner: PasswordOwner,
  field: string,
): void {
  const code = newPasswordProblem(password, owner);
  if (!code) return;
  const message = MESSAGES[code];
  throw new AppError(400, 'validation_failed', `${field}: ${message}`, [{ field, message, code }]);
}
