import { z } from 'zod';
import { IsoDate, IsoDateTime, LocalizedText, Uuid } from './common.js';
import { ResultStatus } from './delivery.js';
import { SessionCode } from './sessions.js';

/** A session as a home lists it; dates and `today` are the venue's. */
const HomeSession = z.object({
  code: SessionCode,
  activityTitle: LocalizedText,
  startDate: IsoDate,
  endDate: IsoDate,
  status: z.string(),
  venueName: LocalizedText,
  timeZone: z.string(),
  /** The venue's date now. */
  today: IsoDate,
});
export type HomeSession = z.infer<typeof HomeSession>;

/**
 * A course director's or instructor's day: their sessions running and starting within two weeks,
 * rosters with today's marks missing, results to confirm and level-1 evaluations answered.
 */
export const MySessionsHome = z.object({
  /** Sessions the reader directs or teaches, running now or starting within `horizonDays`. */
  sessions: z.array(
    HomeSession.extend({
      role: z.enum(['director', 'instructor']),
      running: z.boolean(),
      participants: z.number().int(),
    }),
  ),
  horizonDays: z.number().int(),
  /** Running sessions whose roster for the venue's today has participants left unmarked. */
  rostersToMark: z.array(
    z.object({
      code: SessionCode,
      activityTitle: LocalizedText,
      day: IsoDate,
      timeZone: z.string(),
      participants: z.number().int(),
      marked: z.number().int(),
    }),
  ),
  /** Whether the reader confirms results (a course director); an instructor does not. */
  confirmsResults: z.boolean(),
  /** Ended sessions the reader directs whose results are not all confirmed and closed. */
  resultsToConfirm: z.array(
    z.object({
      code: SessionCode,
      activityTitle: LocalizedText,
      endDate: IsoDate,
      participants: z.number().int(),
      unconfirmed: z.number().int(),
    }),
  ),
  /** Whether the reader may read survey results; instructors may not. */
  readsSurveys: z.boolean(),
  /** How far back an answer makes a session's evaluations worth reading now. */
  surveysWithinDays: z.number().int(),
  /** The reader's sessions with level-1 answers in that time, latest answer first. */
  surveysToRead: z.array(
    z.object({
      code: SessionCode,
      activityTitle: LocalizedText,
      answers: z.number().int(),
      invited: z.number().int(),
      lastAnswerAt: IsoDateTime,
    }),
  ),
});
export type MySessionsHome = z.infer<typeof MySessionsHome>;

/** The administrator's desk: accounts waiting, what failed, the keys, backups, the release. */
export const AdministrationHome = z.object({
  usersWaiting: z.object({
    /** Invited accounts whose holder has never signed in. */
    invited: z.array(
      z.object({
        id: Uuid,
        displayName: z.string(),
        email: z.string(),
        invitedAt: IsoDateTime,
        /** Whether the latest invitation link has expired (a new one must be sent). */
        expired: z.boolean(),
      }),
    ),
    invitedTotal: z.number().int(),
    /** Roles or a nation an identity provider proposes that the account does not hold. */
    proposals: z.number().int(),
  }),
  failedJobs: z.number().int(),
  outbox: z.object({ pending: z.number().int(), failed: z.number().int() }),
  keys: z.object({
    certificates: z.array(
      z.object({
        id: z.string(),
        algorithm: z.string(),
        /** SHA-256 (hex) of the public key as published. */
        fingerprint: z.string(),
        createdAt: IsoDateTime,
        /** Null while it signs or may sign; set once retired (it still verifies). */
        retiredAt: IsoDateTime.nullable(),
      }),
    ),
    /** The audit key as its latest signed checkpoint shows it; null before the first. */
    audit: z
      .object({ fingerprint: z.string(), lastCheckpointAt: IsoDateTime, firstUsedAt: IsoDateTime })
      .nullable(),
  }),
  backups: z.object({
    /** What the database reports of WAL archiving. */
    walArchiving: z.boolean(),
    lastArchivedAt: IsoDateTime.nullable(),
    lastArchiveFailedAt: IsoDateTime.nullable(),
  }),
  version: z.string(),
});
export type AdministrationHome = z.infer<typeof AdministrationHome>;

/**
 * A participant's record as their home tells it: the sessions to come (the first is the next),
 * the courses they took with their confirmed result and certificate, and how many certificates
 * they hold.
 */
export const ParticipantHome = z.object({
  participantId: Uuid.nullable(),
  /** Selected sessions not over at their venue, soonest first. */
  upcoming: z.array(
    HomeSession.extend({
      nominationId: Uuid,
      running: z.boolean(),
      joiningInstructions: z
        .object({ en: z.string().optional(), fr: z.string().optional(), ar: z.string().optional() })
        .nullable(),
    }),
  ),
  /** Selected sessions that are over, newest first. */
  past: z.array(
    z.object({
      nominationId: Uuid,
      code: SessionCode,
      activityTitle: LocalizedText,
      startDate: IsoDate,
      endDate: IsoDate,
      /** The confirmed result; null while the course director has not confirmed it. */
      result: ResultStatus.nullable(),
      certificate: z.object({ id: z.string(), revoked: z.boolean() }).nullable(),
    }),
  ),
  certificates: z.object({ valid: z.number().int(), revoked: z.number().int() }),
});
export type ParticipantHome = z.infer<typeof ParticipantHome>;
