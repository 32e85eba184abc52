import type { LecturerRole } from '../contract/lecturers.js';
import type { LetterText, PrintedVisaLetter } from '../contract/visa-letters.js';
import { canonicalJson } from './certificate-payload.js';

type Texts = { en: string; fr?: string; ar?: string };

/** The facts a visa letter is made of, as stored. */
export interface VisaLetterFacts {
  id: string;
  sessionLanguage: string;
  issuer: { name: Texts; city: string | null; country: Texts };
  participant: {
    givenNamesLatin: string;
    familyNameLatin: string;
    givenNamesArabic: string | null;
    familyNameArabic: string | null;
    rankTitle: string | null;
    passportNumber: string;
    nationality: Texts;
    dateOfBirth: string | null;
  };
  session: {
    code: string;
    activityTitle: Texts;
    startDate: string;
    endDate: string;
    venueName: Texts;
  };
  issuedOn: string;
  /** A lecturer's letter: the part they play on the session. */
  invitedAs?: LecturerRole;
}

const joinName = (...parts: (string | null | undefined)[]) =>
  parts
    .map((p) => p?.trim() ?? '')
    .filter(Boolean)
    .join(' ');

/**
 * The payload of a visa invitation letter: English and Arabic, and French as well when the
 * session is given in French. A text missing in a language falls back to English, so every
 * paragraph prints whole in every language of the letter.
 */
export function buildVisaLetterPayload(facts: VisaLetterFacts): PrintedVisaLetter {
  const french = facts.sessionLanguage === 'fr';
  const pick = (texts: Texts): LetterText => ({
    en: texts.en,
    ar: texts.ar?.trim() || texts.en,
    ...(french ? { fr: texts.fr?.trim() || texts.en } : {}),
  });
  const address = (language: 'en' | 'ar' | 'fr') => {
    const country = facts.issuer.country[language]?.trim() || facts.issuer.country.en;
    return [facts.issuer.city, country].filter(Boolean).join(language === 'ar' ? '، ' : ', ');
  };
  const p = facts.participant;
  return {
    id: facts.id,
    kind: 'visa-invitation',
    languages: french ? ['en', 'ar', 'fr'] : ['en', 'ar'],
    issuer: {
      name: pick(facts.issuer.name),
      address: {
        en: address('en'),
        ar: address('ar'),
        ...(french ? { fr: address('fr') } : {}),
      },
    },
    participant: {
      passportName: joinName(p.givenNamesLatin, p.familyNameLatin).toUpperCase(),
      arabicName: joinName(p.givenNamesArabic, p.familyNameArabic) || null,
      rank: p.rankTitle?.trim() || null,
      passportNumber: p.passportNumber,
      nationality: pick(p.nationality),
      dateOfBirth: p.dateOfBirth,
    },
    session: {
      code: facts.session.code,
      activityTitle: pick(facts.session.activityTitle),
      startDate: facts.session.startDate,
      endDate: facts.session.endDate,
      venue: pick(facts.session.venueName),
    },
    issuedOn: facts.issuedOn,
    ...(facts.invitedAs ? { invitedAs: facts.invitedAs } : {}),
  };
}

/**
 * Whether two letters say the same thing about the same person and session: everything but
 * their id and issue date. A letter whose content would differ is out of date and is replaced.
 */
export function sameLetterContent(a: PrintedVisaLetter, b: PrintedVisaLetter): boolean {
  const content = ({ id: _id, issuedOn: _on, ...rest }: PrintedVisaLetter) => canonicalJson(rest);
  return content(a) === content(b);
}

/** The public verification address of a letter, printed in its QR code. */
export function letterVerificationUrl(publicUrl: string, id: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/verify/letter/${encodeURIComponent(id)}`;
}
