import { z } from 'zod';
import { ActivityCode, ActivityKind } from './catalogue.js';
import { IsoDate, IsoDateTime, LocalizedText, Uuid } from './common.js';
import { AttendanceStatus, ResultStatus } from './delivery.js';
import { NominationStatus } from './nominations.js';
import { SessionCode, SessionStatus } from './sessions.js';
import { text } from './text.js';
import { NationCode } from './users.js';

/**
 * A participant's marks over the session's working days held so far (all of them once it has
 * ended); `unmarked` days count as not present, days still to come not at all.
 */
export const ResultAttendance = z.object({
  days: z.number().int(),
  present: z.number().int(),
  absent: z.number().int(),
  excused: z.number().int(),
  unmarked: z.number().int(),
});
export type ResultAttendance = z.infer<typeof ResultAttendance>;

export const COMPLETION_REASONS = [
  'withdrawn',
  'no-day-present',
  'rule-met',
  'rule-not-met',
] as const;

/** The status attendance proposes, and why: the share of counted days (working less excused). */
export const ProposedResult = z.object({
  status: ResultStatus,
  reason: z.enum(COMPLETION_REASONS),
  countedDays: z.number().int(),
  percent: z.number().int().nullable(),
});
export type ProposedResult = z.infer<typeof ProposedResult>;

export const ResultPersonName = z.object({ latin: z.string(), arabic: z.string().nullable() });

export const ParticipantResult = z.object({
  nominationId: Uuid,
  participantId: Uuid,
  name: ResultPersonName,
  nationCode: NationCode,
  rankCode: z.string(),
  rankTitle: z.string().nullable(),
  nominationStatus: NominationStatus,
  attendance: ResultAttendance,
  /**
   * What attendance proposes over the days held so far; null while the course runs and the
   * person has not been present on any day yet (a no-show is decided at the end).
   */
  proposed: ProposedResult.nullable(),
  /** The confirmed status; null until the course director confirms. */
  status: ResultStatus.nullable(),
  confirmedByName: z.string().nullable(),
  confirmedAt: IsoDateTime.nullable(),
  /** Level-2 test scores, 0-100; always null when the activity does not use level 2. */
  preTestScore: z.number().nullable(),
  postTestScore: z.number().nullable(),
});
export type ParticipantResult = z.infer<typeof ParticipantResult>;

/** A session's results: its rule, whether they are closed, one row per participant. */
export const SessionResults = z
  .object({
    sessionCode: SessionCode,
    activityCode: ActivityCode,
    activityTitle: LocalizedText,
    /** The activity's kind; only a course has results to confirm (the others are attended). */
    activityKind: ActivityKind,
    resultsApply: z.boolean(),
    sessionStatus: SessionStatus,
    startDate: IsoDate,
    endDate: IsoDate,
    workingDays: z.array(IsoDate),
    /**
     * The working days held so far: up to today at the venue (or already marked), every day once
     * the session is completed. Attendance counts and proposals cover these only.
     */
    heldDays: z.array(IsoDate),
    completionPercent: z.number().int(),
    usesLevel2: z.boolean(),
    closed: z.boolean(),
    closedAt: IsoDateTime.nullable(),
    /** The venue's IANA zone, for the closing time. */
    timeZone: z.string(),
    closedByName: z.string().nullable(),
    /** Results can be confirmed once the session is under way (in progress or completed). */
    delivered: z.boolean(),
    unconfirmed: z.number().int(),
    participants: z.array(ParticipantResult),
  })
  .meta({ id: 'SessionResults' });
export type SessionResults = z.infer<typeof SessionResults>;

export const CompletionRuleInput = z.strictObject({
  completionPercent: z.number().int().min(50).max(100),
});
export type CompletionRuleInput = z.infer<typeof CompletionRuleInput>;

const Score = z.number().min(0).max(100).multipleOf(0.01);

/** Omitted scores stay as they are; null clears them. */
export const ResultEntry = z.strictObject({
  nominationId: Uuid,
  status: ResultStatus,
  preTestScore: Score.nullable().optional(),
  postTestScore: Score.nullable().optional(),
});
export type ResultEntry = z.infer<typeof ResultEntry>;

export const ConfirmResultsInput = z.strictObject({
  results: z.array(ResultEntry).min(1).max(500),
});
export type ConfirmResultsInput = z.infer<typeof ConfirmResultsInput>;

export const ReopenResultsInput = z.strictObject({
  reason: text().trim().min(1).max(2000),
});
export type ReopenResultsInput = z.infer<typeof ReopenResultsInput>;

export const ReportCommentsInput = z.strictObject({
  text: text().trim().max(10000),
});
export type ReportCommentsInput = z.infer<typeof ReportCommentsInput>;

export const SessionReportQuery = z.strictObject({
  /** The PDF's language; the reader's own by default. */
  locale: z.enum(['en', 'fr', 'ar']).optional(),
});

const ResultCounts = z.object({
  participants: z.number().int(),
  completed: z.number().int(),
  'partially-attended': z.number().int(),
  failed: z.number().int(),
  'no-show': z.number().int(),
  withdrawn: z.number().int(),
  unconfirmed: z.number().int(),
});
export type ResultCounts = z.infer<typeof ResultCounts>;

export const ReportNationRow = ResultCounts.extend({
  nationCode: NationCode,
  nationName: LocalizedText,
});

export const ReportDay = z.object({
  day: IsoDate,
  present: z.number().int(),
  absent: z.number().int(),
  excused: z.number().int(),
  unmarked: z.number().int(),
  /** Present share of the participants expected that day (not withdrawn), percent; null with none. */
  rate: z.number().nullable(),
});

export const ReportQuestion = z.object({
  id: z.string(),
  text: LocalizedText,
  answers: z.number().int(),
  /** Mean of the 1-5 answers, two decimals; null without any. */
  mean: z.number().nullable(),
});

export const ReportParticipant = z.object({
  nominationId: Uuid,
  name: ResultPersonName,
  nationCode: NationCode,
  rankTitle: z.string().nullable(),
  attendance: ResultAttendance,
  /** Null while nothing can be proposed yet (see `ParticipantResult.proposed`). */
  proposed: ResultStatus.nullable(),
  status: ResultStatus.nullable(),
  preTestScore: z.number().nullable(),
  postTestScore: z.number().nullable(),
});

/** The post-course report: generated from the data, with the course director's comments. */
export const SessionReport = z
  .object({
    session: z.object({
      code: SessionCode,
      activityCode: ActivityCode,
      activityTitle: LocalizedText,
      status: SessionStatus,
      startDate: IsoDate,
      endDate: IsoDate,
      venueName: LocalizedText,
      directorName: z.string().nullable(),
      instructorNames: z.array(z.string()),
      evaluationLevels: z.array(z.number().int()),
    }),
    generatedAt: IsoDateTime,
    /**
     * Whether the activity's kind has results (a course). Without (an event, an exercise, a
     * visit) the report is of attendance only: no statuses, scores or completion rate.
     */
    resultsApply: z.boolean(),
    completionPercent: z.number().int(),
    closed: z.boolean(),
    /** A nation-scoped reader sees their own nation's participants only. */
    scopedToNation: NationCode.nullable(),
    /**
     * For a nation-scoped reader, the whole session's figures beside their own: counts and rates
     * that name nobody. Null for a reader who sees every nation (the totals are the session's).
     */
    sessionWide: z
      .object({
        totals: ResultCounts,
        nations: z.number().int(),
        /** Completed share of those not withdrawn, percent; null with none. */
        completionRate: z.number().nullable(),
        attendanceRate: z.number().nullable(),
      })
      .nullable(),
    totals: ResultCounts,
    nations: z.array(ReportNationRow),
    participants: z.array(ReportParticipant),
    attendance: z.object({
      days: z.array(ReportDay),
      /** Present share over every expected participant-day, percent; null with none. */
      rate: z.number().nullable(),
    }),
    evaluation: z.object({
      level1: z
        .object({
          invited: z.number().int(),
          responses: z.number().int(),
          /** Percent of invited participants who answered; null when nobody was invited. */
          responseRate: z.number().nullable(),
          questions: z.array(ReportQuestion),
        })
        .nullable(),
      level2: z
        .object({
          scored: z.number().int(),
          meanPre: z.number().nullable(),
          meanPost: z.number().nullable(),
        })
        .nullable(),
    }),
    directorComments: z.string().nullable(),
    canEditComments: z.boolean(),
  })
  .meta({ id: 'SessionReport' });
export type SessionReport = z.infer<typeof SessionReport>;

/** The signed-in participant's own marks, per session they were selected for. */
export const MyAttendance = z.object({
  participantId: Uuid.nullable(),
  sessions: z.array(
    z.object({
      nominationId: Uuid,
      sessionCode: SessionCode,
      activityTitle: LocalizedText,
      startDate: IsoDate,
      endDate: IsoDate,
      days: z.array(z.object({ day: IsoDate, status: AttendanceStatus.nullable() })),
      summary: ResultAttendance,
      /** The confirmed status, shown once the results are closed or the session completed. */
      result: ResultStatus.nullable(),
    }),
  ),
});
export type MyAttendance = z.infer<typeof MyAttendance>;

/** A session whose post-course report a nation's NPOC receives: their officers took part. */
export const NationReportItem = z.object({
  sessionCode: SessionCode,
  activityTitle: LocalizedText,
  startDate: IsoDate,
  endDate: IsoDate,
  closedAt: IsoDateTime,
  /** The nation's officers on the session, and how many of them completed. */
  officers: z.number().int(),
  completed: z.number().int(),
});
export type NationReportItem = z.infer<typeof NationReportItem>;
