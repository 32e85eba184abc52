/**
 * What a Latin-script name field takes: the letters, spaces, hyphens and apostrophes a passport's
 * visual zone carries. Accented Latin letters are kept as typed (É, Ø, Ç...): the visual zone
 * prints them and the machine-readable zone's transliteration to A-Z is the passport office's
 * work, not ours. Apostrophes come as ' or ’ (phones type the second).
 */
const PASSPORT_NAME = /^[\p{Script=Latin}\p{M}][\p{Script=Latin}\p{M} '’-]*$/u;

/** True when every character is one a passport's Latin name can carry. */
export function isPassportName(value: string): boolean {
  return PASSPORT_NAME.test(value.normalize('NFC'));
}

// An emoji is a pictograph (or skin tone, flag letter, keycap) and what glues a sequence of them
// together: joiners and variation selectors. A joiner elsewhere (rare in Arabic) is left alone.
const PICTOGRAPH = String.raw`\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u20e3`;
const EMOJI = new RegExp(`(?:${PICTOGRAPH})(?:\\u200d|\\ufe0f|\\ufe0e|${PICTOGRAPH})*`, 'gu');
const ANY_EMOJI = new RegExp(PICTOGRAPH, 'u');

/**
 * A name as a certificate prints it, on paper and on the public verification page alike: the
 * emoji a name entered before names were checked may hold are left out, so the two never differ.
 */
export function printableName(value: string): string {
  return value.replace(EMOJI, '').replace(/\s+/g, ' ').trim();
}

/** True when the text holds an emoji or the angle brackets of markup. */
export function hasEmojiOrMarkup(value: string): boolean {
  return /[<>]/.test(value) || ANY_EMOJI.test(value);
}
