import type { Locale } from '../../../contract/common.js';

/** What was added or removed, as an e-mail names it in its reader's language. */
export type FactorDescription =
  | { kind: 'totp' }
  | { kind: 'passkey'; name: string }
  | { kind: 'recovery_codes' };

const NAMES: Record<Locale, { totp: string; passkey: string; recovery_codes: string }> = {
  en: {
    totp: 'An authenticator app',
    passkey: 'A passkey named “{{name}}”',
    recovery_codes: 'A new set of recovery codes',
  },
  fr: {
    totp: 'Une application d’authentification',
    passkey: 'Une clé d’accès nommée « {{name}} »',
    recovery_codes: 'Un nouveau jeu de codes de secours',
  },
  ar: {
    totp: 'تطبيق مصادقة',
    passkey: 'مفتاح مرور باسم «{{name}}»',
    recovery_codes: 'مجموعة جديدة من رموز الاسترداد',
  },
};

export function describeFactor(factor: FactorDescription, locale: Locale): string {
  const text = NAMES[locale][factor.kind];
  return factor.kind === 'passkey' ? text.replace('{{name}}', factor.name) : text;
}
