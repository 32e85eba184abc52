import type { LocalizedText } from '../../contract/index.js';

export interface LocalizedTextValues {
  en: string;
  fr: string;
  ar: string;
}

export function toLocalizedValues(text?: LocalizedText): LocalizedTextValues {
  return { en: text?.en ?? '', fr: text?.fr ?? '', ar: text?.ar ?? '' };
}

/** Blank optional languages are left out rather than sent as empty strings. */
export function fromLocalizedValues(values: LocalizedTextValues): LocalizedText {
  const text: LocalizedText = { en: values.en };
  if (values.fr.trim()) text.fr = values.fr;
  if (values.ar.trim()) text.ar = values.ar;
  return text;
}
