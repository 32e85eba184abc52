import { LOCALES, type Locale } from '../../contract/common.js';

/** The first of the browser's preferred languages (e.g. `ar-KW`) that Rabita speaks, else English. */
export function browserLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if ((LOCALES as readonly string[]).includes(primary ?? '')) return primary as Locale;
  }
  return 'en';
}
