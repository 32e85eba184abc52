import type { Participant } from '../../../contract/index.js';
import { blankToNull } from '../../lib/validation.js';

/** What the form holds: text as typed, '' for "none", so nothing is lost on an error. */
export interface ParticipantFormValues {
  nationCode: string;
  familyNameLatin: string;
  givenNamesLatin: string;
  familyNameArabic: string;
  givenNamesArabic: string;
  dateOfBirth: string;
  service: string;
  rankCode: string;
  rankTitle: string;
  position: string;
  email: string;
  phone: string;
  languageProfiles: { language: string; profile: string }[];
  clearanceLevel: string;
  clearanceExpiresOn: string;
}

export function toParticipantValues(
  person?: Participant,
  nationCode: string | null = null,
): ParticipantFormValues {
  return {
    nationCode: person?.nationCode ?? nationCode ?? '',
    familyNameLatin: person?.familyNameLatin ?? '',
    givenNamesLatin: person?.givenNamesLatin ?? '',
    familyNameArabic: person?.familyNameArabic ?? '',
    givenNamesArabic: person?.givenNamesArabic ?? '',
    dateOfBirth: person?.dateOfBirth ?? '',
    service: person?.service ?? '',
    rankCode: person?.rankCode ?? '',
    rankTitle: person?.rankTitle ?? '',
    position: person?.position ?? '',
    email: person?.email ?? '',
    phone: person?.phone ?? '',
    languageProfiles: person?.languageProfiles.map((p) => ({ ...p })) ?? [
      { language: 'en', profile: '' },
    ],
    clearanceLevel: person?.clearanceLevel ?? 'NONE',
    clearanceExpiresOn: person?.clearanceExpiresOn ?? '',
  };
}

/** The record's fields as ParticipantUpdate takes them (and ParticipantInput, with the nation). */
export function toParticipantUpdate(v: ParticipantFormValues) {
  const clearanceLevel = v.clearanceLevel as Participant['clearanceLevel'];
  return {
    familyNameLatin: v.familyNameLatin,
    givenNamesLatin: v.givenNamesLatin,
    familyNameArabic: blankToNull(v.familyNameArabic),
    givenNamesArabic: blankToNull(v.givenNamesArabic),
    dateOfBirth: blankToNull(v.dateOfBirth),
    service: blankToNull(v.service),
    rankCode: v.rankCode,
    rankTitle: blankToNull(v.rankTitle),
    position: blankToNull(v.position),
    email: blankToNull(v.email),
    phone: blankToNull(v.phone),
    // Every row is sent, so an error names the row the reader sees (languageProfiles.1.profile).
    languageProfiles: v.languageProfiles.map((p) => ({
      language: p.language,
      profile: p.profile.trim(),
    })),
    clearanceLevel,
    // An expiry means nothing without a clearance; dropping it saves a needless error.
    clearanceExpiresOn: clearanceLevel === 'NONE' ? null : blankToNull(v.clearanceExpiresOn),
  };
}

export function toParticipantInput(v: ParticipantFormValues) {
  return { nationCode: v.nationCode, ...toParticipantUpdate(v) };
}

/** The server refuses a language listed twice; say so beside the second row before sending. */
export function duplicateLanguageErrors(
  values: ParticipantFormValues,
  message: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  values.languageProfiles.forEach((row, index) => {
    if (row.language && seen.has(row.language)) {
      errors[`languageProfiles.${index}.language`] = message;
    }
    seen.add(row.language);
  });
  return errors;
}

const NAME_FIELDS = [
  'familyNameLatin',
  'givenNamesLatin',
  'familyNameArabic',
  'givenNamesArabic',
] as const;

/**
 * The update without the names left as they were: a name stored before names were checked
 * (say with a digit) must not stop the rest of the record being saved. A name that is changed
 * is checked in full.
 */
export function toParticipantChanges(v: ParticipantFormValues, person: Participant) {
  const update: Partial<ReturnType<typeof toParticipantUpdate>> = toParticipantUpdate(v);
  for (const field of NAME_FIELDS) {
    if ((update[field] ?? null) === (person[field] ?? null)) delete update[field];
  }
  return update;
}
