import type { Locale, LocalizedText } from '../../contract/index.js';

/** The text in the reader's language, else English (the one language always present). */
export function localized(text: LocalizedText, locale: Locale): string {
  const value = text[locale];
  return value && value.trim() !== '' ? value : text.en;
}
