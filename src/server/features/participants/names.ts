import type { DuplicateReason } from '../../../contract/participants.js';

// Pure helpers: no database, no clock, so they are unit-tested on their own.

/** "Al-Ṣabāḥ " and "al sabah" compare equal: case, accents, hyphens and spacing do not count. */
export function normaliseLatin(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’`.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Arabic spellings people type differently for the same name: short vowels and tatweel are
 * dropped, alef forms, alef maqsura and taa marbuta are folded.
 */
export function normaliseArabic(text: string): string {
  return text
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/[-\s]+/g, ' ')
    .trim();
}

export interface NamedPerson {
  familyNameLatin: string;
  givenNamesLatin: string;
  familyNameArabic: string | null;
  givenNamesArabic: string | null;
  email: string | null;
  dateOfBirth: string | null;
}

/**
 * Why `existing` may be the same person as `candidate` (both of one nation): the same e-mail,
 * or the same names in one script and the same date of birth. Empty when nothing matches.
 */
export function duplicateReasons(candidate: NamedPerson, existing: NamedPerson): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (
    candidate.email &&
    existing.email &&
    candidate.email.trim().toLowerCase() === existing.email.trim().toLowerCase()
  ) {
    reasons.push('email');
  }
  const sameBirth =
    candidate.dateOfBirth !== null && candidate.dateOfBirth === existing.dateOfBirth;
  if (!sameBirth) return reasons;
  if (
    normaliseLatin(candidate.familyNameLatin) === normaliseLatin(existing.familyNameLatin) &&
    normaliseLatin(candidate.givenNamesLatin) === normaliseLatin(existing.givenNamesLatin)
  ) {
    reasons.push('latin_name');
  }
  if (
    candidate.familyNameArabic &&
    candidate.givenNamesArabic &&
    existing.familyNameArabic &&
    existing.givenNamesArabic &&
    normaliseArabic(candidate.familyNameArabic) === normaliseArabic(existing.familyNameArabic) &&
    normaliseArabic(candidate.givenNamesArabic) === normaliseArabic(existing.givenNamesArabic)
  ) {
    reasons.push('arabic_name');
  }
  return reasons;
}
