import { z } from 'zod';
import { EventRole } from './catalogue.js';
import { IsoDate, IsoDateTime, LocalizedText, PageQuery, Uuid } from './common.js';
import { SessionCode } from './sessions.js';
import { text } from './text.js';
import { NationCode } from './users.js';

/**
 * A nomination's life: a nominator proposes (or the NPOC drafts), the NPOC submits, the centre
 * selects, waitlists or rejects. Withdrawn, declined, rejected and substituted are final, and so
 * is `session-cancelled`: where every live nomination ends when its session is cancelled, apart
 * from withdrawals and no-shows (nobody pulled out; the centre called it off). On an activity
 * whose seats are given by invitation, the centre's invitation starts as `invited`; the nation's
 * answer (RSVP) makes it `selected` (a seat taken) or `declined`.
 */
export const NOMINATION_STATUSES = [
  'draft',
  'proposed',
  'invited',
  'submitted',
  'waitlisted',
  'selected',
  'rejected',
  'withdrawn',
  'declined',
  'substituted',
  'session-cancelled',
] as const;
export const NominationStatus = z.enum(NOMINATION_STATUSES);
export type NominationStatus = z.infer<typeof NominationStatus>;

/** The moves people make; each maps to a target state in the domain's state machine. */
export const NOMINATION_ACTIONS = [
  'submit',
  'decline',
  'select',
  'waitlist',
  'reject',
  'withdraw',
] as const;
export const NominationAction = z.enum(NOMINATION_ACTIONS);
export type NominationAction = z.infer<typeof NominationAction>;

export const ELIGIBILITY_RULES = [
  'window',
  'releasability',
  'rank',
  'civilian',
  'language',
  'clearance',
  'clearance-expiry',
  'prerequisite',
  'extra',
  'overlap',
] as const;
export const EligibilityRule = z.enum(ELIGIBILITY_RULES);
export type EligibilityRule = z.infer<typeof EligibilityRule>;

/**
 * One line of the explanation: `pass`, a `warn` that does not block, or a `fail` that blocks
 * submission unless a registrar overrides it. `params` fill the sentence in the reader's language.
 */
export const EligibilityLine = z.object({
  rule: EligibilityRule,
  outcome: z.enum(['pass', 'warn', 'fail']),
  params: z.record(z.string(), z.string()),
});
export type EligibilityLine = z.infer<typeof EligibilityLine>;

export const Eligibility = z
  .object({
    lines: z.array(EligibilityLine),
    /** True when no line fails. */
    eligible: z.boolean(),
  })
  .meta({ id: 'Eligibility' });
export type Eligibility = z.infer<typeof Eligibility>;

export const NominationEvent = z.object({
  at: IsoDateTime,
  actorName: z.string().nullable(),
  action: z.string(),
  fromStatus: NominationStatus.nullable(),
  toStatus: NominationStatus,
  reason: z.string().nullable(),
  /**
   * The nation the move was made for, when its maker is not that nation's own point of contact
   * or nominator (centre staff acting for it); null when the nation acted itself, or the centre
   * decided as the centre.
   */
  onBehalfOf: z.object({ code: z.string(), name: LocalizedText }).nullable(),
});
export type NominationEvent = z.infer<typeof NominationEvent>;

/** The person's selection on another session over the same days, as `selection_conflict` names it. */
export const SelectionConflict = z.object({
  nominationId: Uuid,
  sessionCode: SessionCode,
  activityTitle: LocalizedText,
  startDate: IsoDate,
  endDate: IsoDate,
});
export type SelectionConflict = z.infer<typeof SelectionConflict>;

export const NominationSummary = z
  .object({
    id: Uuid,
    sessionCode: SessionCode,
    activityTitle: LocalizedText,
    startDate: IsoDate,
    endDate: IsoDate,
    nationCode: NationCode,
    participantId: Uuid,
    participantName: z.object({ latin: z.string(), arabic: z.string().nullable() }),
    rankCode: z.string(),
    rankTitle: z.string().nullable(),
    status: NominationStatus,
    priority: z.number().int().nullable(),
    seatSource: z.enum(['quota', 'pool']).nullable(),
    eligibility: Eligibility,
    overridden: z.boolean(),
    submittedAt: IsoDateTime.nullable(),
    decisionReason: z.string().nullable(),
    /** The person's role on an event, a visit or an exercise; null on a course. */
    eventRole: EventRole.nullable(),
    /** When the centre invited the person by name; null for a nation's nomination. */
    invitedAt: IsoDateTime.nullable(),
    /**
     * Where a waitlisted nomination stands, 1 first, and why: its nation still owed quota seats
     * (`entitled`), then the nation's priority, then the time of submission. `reason` says the
     * same in English for API clients; the web app words it in the reader's language.
     */
    waitlist: z
      .object({
        position: z.number().int(),
        reason: z.string(),
        entitled: z.boolean(),
        priority: z.number().int().nullable(),
        submittedAt: IsoDateTime,
        /**
         * The person's selection on another session over the same days: automatic promotion
         * passes this nomination over (it keeps its place) until that changes.
         */
        selectedElsewhere: SelectionConflict.nullable(),
      })
      .nullable(),
    allowedActions: z.array(NominationAction),
    /** The goal of the nation's programme this nomination serves, when it says so. */
    plannedActivity: z.object({ id: Uuid, label: LocalizedText }).nullable().optional(),
  })
  .meta({ id: 'NominationSummary' });
export type NominationSummary = z.infer<typeof NominationSummary>;

export const Nomination = NominationSummary.extend({
  motivation: z.string().nullable(),
  overrideJustification: z.string().nullable(),
  substituteFor: Uuid.nullable(),
  timeline: z.array(NominationEvent),
}).meta({ id: 'Nomination' });
export type Nomination = z.infer<typeof Nomination>;

export const NominationInput = z.strictObject({
  sessionCode: SessionCode,
  participantId: Uuid,
  motivation: text().trim().max(2000).nullable().default(null),
  /** NPOC only: submit at once instead of keeping a draft. */
  submit: z.boolean().default(false),
  priority: z.number().int().min(1).max(999).nullable().default(null),
  /** The planned activity of the nation's agreed programme this nomination serves. */
  plannedActivityId: Uuid.nullable().optional(),
});
export type NominationInput = z.input<typeof NominationInput>;

/**
 * The registrar's written reason to select a person whose selection on another session
 * overlaps this one (a `selection_conflict`): kept in the nomination's timeline and audit record.
 */
export const ConflictOverride = z.strictObject({
  reason: text().trim().min(1).max(1000),
});
export type ConflictOverride = z.infer<typeof ConflictOverride>;

export const NominationTransitionRequest = z.strictObject({
  action: NominationAction,
  /** Required for reject, decline and withdraw. */
  reason: text().trim().min(1).max(2000).optional(),
  /** Only with `select`: select although the person is selected elsewhere on overlapping days. */
  overrideConflict: ConflictOverride.optional(),
});
export type NominationTransitionRequest = z.infer<typeof NominationTransitionRequest>;

export const BulkDecisionRequest = z.strictObject({
  nominationIds: z.array(Uuid).min(1).max(200),
  action: z.enum(['select', 'waitlist', 'reject']),
  reason: text().trim().min(1).max(2000).optional(),
  /** Only with `select`: every listed person may be selected over an overlapping selection. */
  overrideConflict: ConflictOverride.optional(),
});
export type BulkDecisionRequest = z.infer<typeof BulkDecisionRequest>;

export const BulkDecisionResult = z.object({
  results: z.array(
    z.object({
      nominationId: Uuid,
      ok: z.boolean(),
      status: NominationStatus.nullable(),
      code: z.string().nullable(),
      detail: z.string().nullable(),
      /** For `selection_conflict`: the person's overlapping selections. */
      conflicts: z.array(SelectionConflict).optional(),
    }),
  ),
});
export type BulkDecisionResult = z.infer<typeof BulkDecisionResult>;

export const OverrideRequest = z.strictObject({
  justification: text().trim().min(10).max(2000),
});

export const SubstitutionRequest = z.strictObject({
  participantId: Uuid,
  reason: text().trim().min(1).max(2000),
});

export const PriorityRequest = z.strictObject({
  /** The nation's nominations for one session, first choice first. */
  nominationIds: z.array(Uuid).min(1).max(200),
});

export const NominationListQuery = PageQuery.extend({
  sessionCode: SessionCode.optional(),
  status: NominationStatus.optional(),
  nationCode: NationCode.optional(),
  participantId: Uuid.optional(),
});
export type NominationListQuery = z.infer<typeof NominationListQuery>;

/** The selection board: seats per nation, the pool, every nomination, the waitlist in order. */
export const SelectionBoard = z.object({
  sessionCode: SessionCode,
  capacity: z.number().int(),
  seatsTaken: z.number().int(),
  pool: z.object({ seats: z.number().int(), taken: z.number().int() }),
  quotasReleased: z.boolean(),
  /** A registrar has paused automatic promotion: free seats wait for a decision. */
  promotionPaused: z.boolean(),
  quotas: z.array(
    z.object({
      nationCode: NationCode,
      seats: z.number().int(),
      taken: z.number().int(),
      pending: z.number().int(),
    }),
  ),
  nominations: z.array(NominationSummary),
});
export type SelectionBoard = z.infer<typeof SelectionBoard>;

/** Eligibility of one person for one session, before any nomination exists (the person picker). */
export const EligibilityCheckQuery = z.strictObject({
  sessionCode: SessionCode,
  participantIds: text()
    .max(40 * 50)
    .transform((s) => s.split(',').filter(Boolean)),
});

export const EligibilityCheckResult = z.object({
  items: z.array(
    z.object({
      participantId: Uuid,
      eligibility: Eligibility,
      /** The person's open nomination for this session, when they already have one. */
      existing: z.object({ id: Uuid, status: NominationStatus }).nullable(),
    }),
  ),
});
export type EligibilityCheckResult = z.infer<typeof EligibilityCheckResult>;

/** "My nation": what an NPOC needs at a glance. */
export const NationPortal = z.object({
  nationCode: NationCode,
  /** Sessions open for nomination to the nation, soonest deadline first. */
  openSessions: z.array(
    z.object({
      code: SessionCode,
      activityTitle: LocalizedText,
      startDate: IsoDate,
      endDate: IsoDate,
      nominationDeadline: IsoDateTime,
      quota: z.number().int(),
      /** The nation's selected participants on the session. */
      selected: z.number().int(),
      /** Nominations still waiting for a decision (draft, proposed, submitted, waitlisted). */
      pending: z.number().int(),
      /**
       * How the session gives seats: through the nation's nominations under its quota, or by
       * the centre's invitations by name (then nobody is nominated; the nation answers).
       */
      seats: z.enum(['quota', 'invitation']),
      /** The nation's invitations on the session that wait for its answer. */
      invited: z.number().int(),
    }),
  ),
  countsByStatus: z.record(z.string(), z.number().int()),
  /**
   * The centre's invitations by name to the nation's people on sessions to come: those waiting
   * for the nation's answer (`pending`) and those it accepted (`accepted`, a seat held).
   */
  invitations: z.object({ pending: z.number().int(), accepted: z.number().int() }),
  /**
   * Things to do now: deadlines within 7 days, proposals to review, invitations to answer,
   * logistics missing.
   */
  actions: z.array(
    z.object({
      kind: z.enum(['deadline', 'proposal', 'invitation', 'logistics']),
      sessionCode: SessionCode,
      nominationId: Uuid.nullable(),
      due: IsoDateTime.nullable(),
      /** The person a proposal or missing logistics is about (null for a deadline). */
      participantName: z.object({ latin: z.string(), arabic: z.string().nullable() }).nullable(),
    }),
  ),
});
export type NationPortal = z.infer<typeof NationPortal>;

/** A participant's own page: their nominations and, once selected, joining instructions. */
export const MyTraining = z.object({
  participantId: Uuid.nullable(),
  nominations: z.array(
    NominationSummary.extend({
      venueName: LocalizedText,
      joiningInstructions: z
        .object({ en: z.string().optional(), fr: z.string().optional(), ar: z.string().optional() })
        .nullable(),
    }),
  ),
});
export type MyTraining = z.infer<typeof MyTraining>;

export const CENTRE_ATTENTION = [
  'running',
  'starting-soon',
  'window-closing',
  'awaiting-decision',
  'waitlist-with-seats',
] as const;
export const CentreAttention = z.enum(CENTRE_ATTENTION);
export type CentreAttention = z.infer<typeof CentreAttention>;

/** "Centre today": what the registrar should look at now, and why. */
export const CentreToday = z.object({
  sessions: z.array(
    z.object({
      code: SessionCode,
      activityTitle: LocalizedText,
      startDate: IsoDate,
      endDate: IsoDate,
      status: z.string(),
      venueName: LocalizedText,
      timeZone: z.string(),
      nominationDeadline: IsoDateTime,
      capacity: z.number().int(),
      seatsTaken: z.number().int(),
      /** Nominations waiting for the centre's decision. */
      submitted: z.number().int(),
      waitlisted: z.number().int(),
      attention: z.array(CentreAttention),
    }),
  ),
  outbox: z.object({ pending: z.number().int(), failed: z.number().int() }),
  /** Queue jobs that used all their attempts and wait for an administrator's retry. */
  failedJobs: z.number().int(),
});
export type CentreToday = z.infer<typeof CentreToday>;
