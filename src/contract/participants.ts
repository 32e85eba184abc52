import { z } from 'zod';
import { ClearanceLevel, LanguageCode, LanguageProfile, RankCode } from './catalogue.js';
import { IsoDate, IsoDateTime, PageQuery, Problem, Uuid } from './common.js';
import { hasEmojiOrMarkup, isPassportName } from './person-names.js';
import { text } from './text.js';
import { NationCode } from './users.js';

const Name = text().trim().min(1).max(120);
const OptionalText = (max: number) => text().trim().max(max).nullable();

/** The code of a Latin name refused for a character a passport cannot carry. */
export const PASSPORT_NAME = 'passport_name';
/** The code of an Arabic-script name refused for an emoji or markup. */
export const NAME_SYMBOLS = 'name_symbols';

/**
 * A name as the passport's visual zone prints it. Checked on what is written only: a row stored
 * before the rule still reads back as it is, and can be saved without touching its name.
 */
const PassportName = Name.refine(isPassportName, {
  message:
    'may hold only Latin letters (accented ones too), spaces, hyphens and apostrophes, as in a passport',
  params: { code: PASSPORT_NAME },
});
const ArabicName = OptionalText(120).refine((value) => value === null || !hasEmojiOrMarkup(value), {
  message: 'may not hold emoji or the characters < and >',
  params: { code: NAME_SYMBOLS },
});

export const HeldLanguageProfile = z.strictObject({
  language: LanguageCode,
  profile: LanguageProfile,
});
export type HeldLanguageProfile = z.infer<typeof HeldLanguageProfile>;

/** As read back: whatever is stored, including names written before names were checked. */
const storedNames = {
  familyNameLatin: z.string(),
  givenNamesLatin: z.string(),
  familyNameArabic: z.string().nullable(),
  givenNamesArabic: z.string().nullable(),
};

const writtenNames = {
  familyNameLatin: PassportName,
  givenNamesLatin: PassportName,
  familyNameArabic: ArabicName,
  givenNamesArabic: ArabicName,
};

const participantFields = {
  service: OptionalText(120),
  rankCode: RankCode,
  rankTitle: OptionalText(80),
  position: OptionalText(200),
  email: z.email().max(254).nullable(),
  phone: OptionalText(40),
  languageProfiles: z.array(HeldLanguageProfile).max(10),
  clearanceLevel: ClearanceLevel,
  clearanceExpiresOn: IsoDate.nullable(),
  dateOfBirth: IsoDate.nullable(),
};

/** A person a nation may nominate: names in both scripts, rank, languages, clearance. */
export const Participant = z
  .object({
    id: Uuid,
    nationCode: NationCode,
    ...storedNames,
    ...participantFields,
    hasAccount: z.boolean(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Participant' });
export type Participant = z.infer<typeof Participant>;

export const ParticipantInput = z.strictObject({
  nationCode: NationCode,
  familyNameLatin: PassportName,
  givenNamesLatin: PassportName,
  familyNameArabic: ArabicName.default(null),
  givenNamesArabic: ArabicName.default(null),
  service: OptionalText(120).default(null),
  rankCode: RankCode,
  rankTitle: OptionalText(80).default(null),
  position: OptionalText(200).default(null),
  email: z.email().max(254).nullable().default(null),
  phone: OptionalText(40).default(null),
  languageProfiles: z.array(HeldLanguageProfile).max(10).default([]),
  clearanceLevel: ClearanceLevel.default('NONE'),
  clearanceExpiresOn: IsoDate.nullable().default(null),
  dateOfBirth: IsoDate.nullable().default(null),
  /** Create even though a likely duplicate exists (after the user has seen the warning). */
  confirmNotDuplicate: z.boolean().default(false),
});
export type ParticipantInput = z.input<typeof ParticipantInput>;

/** Built without defaults: under .partial() zod would otherwise fill absent fields in. */
export const ParticipantUpdate = z
  .strictObject({ ...writtenNames, ...participantFields })
  .partial();
export type ParticipantUpdate = z.input<typeof ParticipantUpdate>;

export const ParticipantListQuery = PageQuery.extend({
  q: text().trim().max(100).optional(),
  nationCode: NationCode.optional(),
});
export type ParticipantListQuery = z.infer<typeof ParticipantListQuery>;

/** A line of a person's training history: a nomination and what became of it. */
export const TrainingRecord = z.object({
  nominationId: Uuid,
  sessionCode: z.string(),
  activityCode: z.string(),
  activityTitle: z.object({ en: z.string(), fr: z.string().optional(), ar: z.string().optional() }),
  startDate: IsoDate,
  endDate: IsoDate,
  /** The session's own state (announced, in-progress, completed...), to tell current from past. */
  sessionStatus: z.string(),
  /** The nomination's state (submitted, selected, ...). */
  status: z.string(),
  result: z.string().nullable(),
});
export type TrainingRecord = z.infer<typeof TrainingRecord>;

export const ParticipantDetail = Participant.extend({
  history: z.array(TrainingRecord),
}).meta({ id: 'ParticipantDetail' });
export type ParticipantDetail = z.infer<typeof ParticipantDetail>;

/** Why an existing person looks like the one being created. */
export const DUPLICATE_REASONS = ['email', 'latin_name', 'arabic_name'] as const;
export const DuplicateReason = z.enum(DUPLICATE_REASONS);
export type DuplicateReason = z.infer<typeof DuplicateReason>;

/** A person of the same nation who may be the one being created. */
export const DuplicateCandidate = z.object({
  id: Uuid,
  familyNameLatin: z.string(),
  givenNamesLatin: z.string(),
  familyNameArabic: z.string().nullable(),
  givenNamesArabic: z.string().nullable(),
  rankCode: z.string(),
  rankTitle: z.string().nullable(),
  email: z.string().nullable(),
  dateOfBirth: IsoDate.nullable(),
  reasons: z.array(DuplicateReason),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

/**
 * The 409 `possible_duplicate` answer to a create: the people it may duplicate. Sending the
 * same input again with `confirmNotDuplicate: true` creates the person anyway.
 */
export const PossibleDuplicateProblem = Problem.extend({
  existing: z.array(DuplicateCandidate),
});
export type PossibleDuplicateProblem = z.infer<typeof PossibleDuplicateProblem>;
