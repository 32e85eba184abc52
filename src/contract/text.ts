import { z } from 'zod';

/** The stable code of a field refused for a character PostgreSQL cannot store. */
export const UNSTORABLE_TEXT = 'unstorable_character';

// A UTF-16 half without its other half: with the `u` flag a lone surrogate is matched as a code
// point of category Cs, while a well-formed pair (an emoji, say) is one astral code point.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * True when the text holds a character PostgreSQL refuses: NUL (never in `text`, never in
 * `jsonb`), or a lone surrogate (refused by `jsonb`, silently mangled into U+FFFD in `text`).
 */
export function hasUnstorableCharacter(value: string): boolean {
  return value.includes('\u0000') || LONE_SURROGATE.test(value);
}

/**
 * The one check every free-text request field carries, so such input is a 400 that names the
 * field rather than a database error. Exported so a test can prove every field carries it.
 */
export const storableText = z.refine<string>((value) => !hasUnstorableCharacter(value), {
  message: 'contains a character that cannot be stored (a NUL or an unpaired surrogate)',
  params: { code: UNSTORABLE_TEXT },
  abort: true,
});

/**
 * A string from a request: refuses what PostgreSQL cannot store. Chain the usual checks after
 * it (`text().trim().min(1).max(200)`). Fields with a format (e-mail, uuid, date, a pattern of
 * letters) need not use it: their format already refuses such characters.
 */
export function text(): z.ZodString {
  return z.string().check(storableText);
}
