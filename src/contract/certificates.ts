import { z } from 'zod';
import { ActivityType, CertificateAward, EventRole } from './catalogue.js';
import { IsoDate, IsoDateTime, Uuid } from './common.js';
import { ResultStatus } from './delivery.js';
import { text } from './text.js';

/** Certificate ids are 16 random bytes in base64url: 22 characters, nothing else. */
export const CERTIFICATE_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
export const CertificateId = z.string().regex(CERTIFICATE_ID_PATTERN, 'is not a certificate id');

/** A text in English and in the certificate's second language, as printed. */
export const BilingualText = z.object({ en: z.string(), other: z.string().nullable() });

/** Exactly what a certificate prints, and so exactly what its signature covers. */
export const PrintedCertificate = z
  .object({
    id: z.string(),
    languages: z.tuple([z.literal('en'), z.enum(['ar', 'fr'])]),
    /**
     * Completion (a course) or attendance (an event, an exercise). Absent on certificates issued
     * before activity kinds: those are certificates of completion and still verify as issued.
     */
    award: CertificateAward.optional(),
    participant: z.object({ latin: z.string(), arabic: z.string().nullable() }),
    /** The role the holder had on the event (printed on a certificate of attendance). */
    role: EventRole.optional(),
    activity: z.object({
      code: z.string(),
      title: BilingualText,
      /** The activity's type (absent on certificates issued before activity kinds). */
      type: ActivityType.optional(),
    }),
    session: z.object({
      code: z.string(),
      startDate: IsoDate,
      endDate: IsoDate,
      venue: BilingualText,
    }),
    issuedOn: IsoDate,
    issuer: BilingualText,
  })
  .meta({ id: 'PrintedCertificate' });
export type PrintedCertificate = z.infer<typeof PrintedCertificate>;

/** A certificate as centre staff and its holder see it. */
export const Certificate = z
  .object({
    id: CertificateId,
    nominationId: Uuid,
    printed: PrintedCertificate,
    keyId: z.string(),
    issuedAt: IsoDateTime,
    revokedAt: IsoDateTime.nullable(),
    revokeReason: z.string().nullable(),
    /** The public page the QR code points to. */
    verifyUrl: z.string(),
  })
  .meta({ id: 'Certificate' });
export type Certificate = z.infer<typeof Certificate>;

/** One selected participant of a session, their result and their live (or last) certificate. */
export const SessionCertificateRow = z.object({
  nominationId: Uuid,
  nationCode: z.string(),
  familyNameLatin: z.string(),
  givenNamesLatin: z.string(),
  nameArabic: z.string().nullable(),
  /** The role held on an event, a visit or an exercise; null when none was set. */
  role: EventRole.nullable(),
  result: ResultStatus.nullable(),
  /** Completed a course, or attended an event or an exercise: may be given a certificate. */
  qualifies: z.boolean(),
  certificate: Certificate.nullable(),
});
export type SessionCertificateRow = z.infer<typeof SessionCertificateRow>;

export const SessionCertificates = z.object({
  sessionCode: z.string(),
  activityType: ActivityType,
  /** What the activity's kind issues: completion, attendance, or none (src/domain/activity-kinds.ts). */
  award: z.enum(['completion', 'attendance', 'none']),
  rows: z.array(SessionCertificateRow),
  /** Completed and without a live certificate: what "issue all" would issue now. */
  issuable: z.number().int(),
});
export type SessionCertificates = z.infer<typeof SessionCertificates>;

/** What a bulk issue did: the new certificates, and how many it passed over and why. */
export const IssueOutcome = z.object({
  issued: z.array(Certificate),
  alreadyCertified: z.number().int(),
  /** Selected but not qualifying: not completed (a course) or never present (an event). */
  notCompleted: z.number().int(),
});
export type IssueOutcome = z.infer<typeof IssueOutcome>;

export const RevokeRequest = z.strictObject({
  reason: text().trim().min(3).max(500),
});
export type RevokeRequest = z.infer<typeof RevokeRequest>;

export const VERIFICATION_STATUSES = ['valid', 'revoked', 'invalid', 'not-found'] as const;
export const VerificationStatus = z.enum(VERIFICATION_STATUSES);
export type VerificationStatus = z.infer<typeof VerificationStatus>;

/**
 * The public answer about a certificate: its status and, only when the signature holds, what
 * it prints. A forged id or a tampered file gets the status alone.
 */
export const Verification = z
  .object({
    status: VerificationStatus,
    revokedOn: IsoDate.optional(),
    reason: z.string().optional(),
    certificate: PrintedCertificate.optional(),
  })
  .meta({ id: 'Verification' });
export type Verification = z.infer<typeof Verification>;

/** A certificate in its holder's list. */
export const MyCertificate = z.object({
  id: CertificateId,
  printed: PrintedCertificate,
  issuedAt: IsoDateTime,
  revokedAt: IsoDateTime.nullable(),
});
export type MyCertificate = z.infer<typeof MyCertificate>;

/** The published verification keys (RFC 7517 / RFC 8037), retired ones included. */
export const CertificateKeySet = z.object({
  keys: z.array(
    z.object({
      kty: z.literal('OKP'),
      crv: z.literal('Ed25519'),
      x: z.string(),
      kid: z.string(),
      alg: z.literal('EdDSA'),
      use: z.literal('sig'),
    }),
  ),
});
export type CertificateKeySet = z.infer<typeof CertificateKeySet>;

/** The largest certificate file the public check accepts. */
export const MAX_CERTIFICATE_UPLOAD_BYTES = 5 * 1024 * 1024;
