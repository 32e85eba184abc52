import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../contract/index.js';
import { browserLocale } from './browser-locale.js';
import { messages } from './resources.js';

const STORAGE_KEY = 'rabita.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** A choice made before signing in, which the profile then takes instead of overriding it. */
const CHOSEN_KEY = 'rabita.locale.chosen';

/**
 * Before sign-in: the language this browser last chose, else the first of the browser's own
 * languages Rabita speaks (an Arabic browser opens in Arabic), else English. After sign-in the
 * user's profile wins.
 */
function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode, policies): the browser's languages decide.
  }
  return browserLocale(typeof navigator === 'undefined' ? [] : (navigator.languages ?? []));
}

/** Someone chose a language on a page before signing in: their account should keep it. */
export function rememberChoiceBeforeSignIn(locale: Locale): void {
  try {
    sessionStorage.setItem(CHOSEN_KEY, locale);
  } catch {
    // Then the profile's language applies after sign-in, as before.
  }
}

/** The language chosen before this sign-in, once: it is forgotten as it is read. */
export function takeChoiceBeforeSignIn(): Locale | null {
  try {
    const chosen = sessionStorage.getItem(CHOSEN_KEY);
    sessionStorage.removeItem(CHOSEN_KEY);
    return isLocale(chosen) ? chosen : null;
  } catch {
    return null;
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembering is acceptable; the profile keeps the choice after sign-in.
  }
}

/** Keeps <html lang dir> in step so screen readers and the browser's own widgets follow. */
function applyToDocument(locale: Locale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

const locale = initialLocale();
applyToDocument(locale);

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: messages.en },
    fr: { translation: messages.fr },
    ar: { translation: messages.ar },
  },
  lng: locale,
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

i18n.on('languageChanged', (lng) => {
  if (isLocale(lng)) applyToDocument(lng);
});

export default i18n;
