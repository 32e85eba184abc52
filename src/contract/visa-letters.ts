import { z } from 'zod';
import { CERTIFICATE_ID_PATTERN, VerificationStatus } from './certificates.js';
import { IsoDate, IsoDateTime, Uuid } from './common.js';
import { LECTURER_ROLES } from './lecturers.js';

/** A letter's public id: the same shape as a certificate's (16 random bytes, base64url). */
export const VisaLetterId = z.string().regex(CERTIFICATE_ID_PATTERN, 'is not a letter id');

/** A text in each language the letter prints; French only on a letter printed in French too. */
export const LetterText = z.object({ en: z.string(), ar: z.string(), fr: z.string().optional() });
export type LetterText = z.infer<typeof LetterText>;

/**
 * Exactly what a visa invitation letter prints, and so exactly what its signature covers: the
 * public verification page shows this and nothing more.
 */
export const PrintedVisaLetter = z
  .object({
    id: z.string(),
    kind: z.literal('visa-invitation'),
    /** English and Arabic always; French too when the session is given in French. */
    languages: z.union([
      z.tuple([z.literal('en'), z.literal('ar')]),
      z.tuple([z.literal('en'), z.literal('ar'), z.literal('fr')]),
    ]),
    issuer: z.object({ name: LetterText, address: LetterText }),
    participant: z.object({
      /** The name as the passport prints it (the passport-name rule keeps it Latin). */
      passportName: z.string(),
      arabicName: z.string().nullable(),
      rank: z.string().nullable(),
      passportNumber: z.string(),
      nationality: LetterText,
      dateOfBirth: IsoDate.nullable(),
    }),
    session: z.object({
      code: z.string(),
      activityTitle: LetterText,
      startDate: IsoDate,
      endDate: IsoDate,
      venue: LetterText,
    }),
    issuedOn: IsoDate,
    /** On a lecturer's letter: the part they are invited to play (a participant's has none). */
    invitedAs: z.enum(LECTURER_ROLES).optional(),
  })
  .meta({ id: 'PrintedVisaLetter' });
export type PrintedVisaLetter = z.infer<typeof PrintedVisaLetter>;

/** A letter as centre staff and the participant's NPOC see it. */
export const VisaLetter = z
  .object({
    id: VisaLetterId,
    /** The participant's nomination, or (a lecturer's letter) the lecturer's assignment. */
    nominationId: Uuid.nullable(),
    assignmentId: Uuid.nullable(),
    printed: PrintedVisaLetter,
    issuedAt: IsoDateTime,
    revokedAt: IsoDateTime.nullable(),
    revokeReason: z.string().nullable(),
    /** The public page the QR code points to. */
    verifyUrl: z.string(),
  })
  .meta({ id: 'VisaLetter' });
export type VisaLetter = z.infer<typeof VisaLetter>;

/** Why a selected participant cannot have a letter yet. */
export const LETTER_BLOCKERS = ['passport-number', 'passport-name'] as const;

/** One selected participant of a session and their live letter, if any. */
export const VisaLetterRow = z.object({
  nominationId: Uuid,
  nationCode: z.string(),
  familyNameLatin: z.string(),
  givenNamesLatin: z.string(),
  nameArabic: z.string().nullable(),
  /** Whether their NPOC asked for a letter on the logistics form (null: not answered). */
  requested: z.enum(['yes', 'no']).nullable(),
  /** What is missing before a letter can be issued; empty when it can. */
  missing: z.array(z.enum(LETTER_BLOCKERS)),
  letter: VisaLetter.nullable(),
  /** True when the stored data no longer matches the live letter: issuing again replaces it. */
  outdated: z.boolean(),
});
export type VisaLetterRow = z.infer<typeof VisaLetterRow>;

export const SessionVisaLetters = z
  .object({
    sessionCode: z.string(),
    /** Whether the reader may issue letters (centre staff). */
    canIssue: z.boolean(),
    rows: z.array(VisaLetterRow),
  })
  .meta({ id: 'SessionVisaLetters' });
export type SessionVisaLetters = z.infer<typeof SessionVisaLetters>;

/** What issuing did: a new letter, the same one (nothing changed), or a replacement. */
export const IssuedVisaLetter = z.object({
  outcome: z.enum(['issued', 'unchanged', 'reissued']),
  letter: VisaLetter,
  /**
   * A lecturer's letter only: the address it was e-mailed to, or null when it was not sent
   * because the registry holds no e-mail for them (a participant's goes to their NPOC).
   */
  sentTo: z.string().nullable().optional(),
});
export type IssuedVisaLetter = z.infer<typeof IssuedVisaLetter>;

/** The public check of a letter id: only what the letter prints. */
export const LetterVerification = z
  .object({
    status: VerificationStatus,
    revokedOn: IsoDate.optional(),
    reason: z.string().optional(),
    letter: PrintedVisaLetter.optional(),
  })
  .meta({ id: 'LetterVerification' });
export type LetterVerification = z.infer<typeof LetterVerification>;

/** What a lecturer's letter needs and may lack. */
export const LECTURER_LETTER_BLOCKERS = [
  'passport-name',
  'passport-number',
  'nationality',
] as const;

/** A lecturer assigned to a session and their live invitation letter, if any. */
export const LecturerLetterRow = z.object({
  assignmentId: Uuid,
  lecturerId: Uuid,
  nameLatin: z.string(),
  kind: z.enum(['internal', 'external']),
  role: z.enum(LECTURER_ROLES),
  missing: z.array(z.enum(LECTURER_LETTER_BLOCKERS)),
  letter: VisaLetter.nullable(),
  /** Whether the registry holds an e-mail to send their letter to. */
  hasEmail: z.boolean(),
  /** Where the live letter was e-mailed; null when it was not sent (or there is none). */
  sentTo: z.string().nullable(),
});
export type LecturerLetterRow = z.infer<typeof LecturerLetterRow>;

export const SessionLecturerLetters = z
  .object({ sessionCode: z.string(), rows: z.array(LecturerLetterRow) })
  .meta({ id: 'SessionLecturerLetters' });
export type SessionLecturerLetters = z.infer<typeof SessionLecturerLetters>;
