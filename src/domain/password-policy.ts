import { PASSWORD_MIN_LENGTH, type PasswordProblem } from '../contract/auth.js';

/** Whose password it is: what a guesser who knows them would try first. */
export interface PasswordOwner {
  email: string;
  displayName: string;
}

/**
 * The form a password is hashed and checked in: NFKC, as NIST SP 800-63B asks, so the same
 * characters typed on two keyboards (composed é or e + accent, full-width digits) are one password.
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

// Fewer different characters than this in a password of the minimum length: under 4^15 guesses.
const MIN_DISTINCT = 4;
// Names and e-mail parts shorter than this are too often inside ordinary words to be refused.
const MIN_PERSONAL_PART = 4;

const codePoints = (text: string): string[] => Array.from(text);

function isRepetitive(chars: string[]): boolean {
  if (new Set(chars).size < MIN_DISTINCT) return true;
  // One unit said again and again: abcdabcdabcd, trustno1trustno1.
  return /^(.+?)\1+$/su.test(chars.join(''));
}

const isDigit = (c: string) => c >= '0' && c <= '9';

/** The next character of a run: digits wrap from 9 to 0 as on a keyboard's top row. */
function follows(previous: string, next: string, step: 1 | -1): boolean {
  if (isDigit(previous) && isDigit(next)) {
    return (Number(next) - Number(previous) + 10) % 10 === (step + 10) % 10;
  }
  return (next.codePointAt(0) ?? 0) - (previous.codePointAt(0) ?? 0) === step;
}

function isSequential(chars: string[]): boolean {
  return ([1, -1] as const).some((step) =>
    chars.every((c, i) => i === 0 || follows(chars[i - 1] as string, c, step)),
  );
}

/** The parts of the owner's e-mail local part and name a guesser would try. */
export function personalWords(owner: PasswordOwner): string[] {
  const local = owner.email.split('@')[0] ?? '';
  const words = [
    local,
    ...local.split(/[^\p{L}\p{N}]+/u),
    ...owner.displayName.split(/[^\p{L}\p{N}]+/u),
  ];
  return [
    ...new Set(
      words
        .map((word) => normalisePassword(word).toLowerCase())
        .filter((word) => codePoints(word).length >= MIN_PERSONAL_PART),
    ),
  ];
}

/**
 * The first rule a new password breaks, or null. Length is counted in characters (code points)
 * after normalisation. There are no composition rules (NIST SP 800-63B): a long phrase of
 * lower-case words is good. Whether the password is common is the server's dictionary check.
 */
export function passwordProblem(password: string, owner: PasswordOwner): PasswordProblem | null {
  const normalised = normalisePassword(password);
  if (normalised.trim() === '') return 'password_only_spaces';
  const lower = normalised.toLowerCase();
  const chars = codePoints(lower);
  if (chars.length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  if (isRepetitive(chars)) return 'password_repetitive';
  if (isSequential(chars)) return 'password_sequential';
  if (personalWords(owner).some((word) => lower.includes(word))) return 'password_personal';
  return null;
}
