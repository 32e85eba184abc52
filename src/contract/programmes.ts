import { z } from 'zod';
import { IsoDateTime, LocalizedText, Uuid } from './common.js';
import { text } from './text.js';

/** A cooperation programme's life: draft -> proposed -> agreed -> active -> closed. */
export const PROGRAMME_STATUSES = ['draft', 'proposed', 'agreed', 'active', 'closed'] as const;
export const ProgrammeStatus = z.enum(PROGRAMME_STATUSES);
export type ProgrammeStatus = z.infer<typeof ProgrammeStatus>;

/** Why a planned activity (and the goal above it) lags behind its plan. */
export const LAG_REASONS = [
  'no-session-scheduled',
  'quota-not-used',
  'no-shows',
  'not-yet-delivered',
] as const;
export const LagReason = z.enum(LAG_REASONS);
export type LagReason = z.infer<typeof LagReason>;

const Year = z.number().int().min(2000).max(2100);
const NationCode = z.string().regex(/^[A-Z]{3}$/);

/** Seats planned, offered (quota), nominated, selected and completed: computed, never typed. */
export const Progress = z.object({
  planned: z.number().int(),
  offered: z.number().int(),
  nominated: z.number().int(),
  selected: z.number().int(),
  completed: z.number().int(),
  noShows: z.number().int(),
  lagReasons: z.array(LagReason),
});
export type Progress = z.infer<typeof Progress>;

export const YearProgress = Progress.extend({ year: z.number().int() });

/** `id` keeps an existing node (and the nominations linked to it) across an outline change. */
export const PlannedActivityInput = z.strictObject({
  id: Uuid.optional(),
  activityId: Uuid.nullable().default(null),
  freeText: text().trim().min(1).max(300).nullable().default(null),
  years: z.array(Year).min(1).max(20),
  seatsPlanned: z.number().int().min(0).max(10000),
  priority: z.number().int().min(1).max(3).default(2),
});
export const GoalInput = z.strictObject({
  id: Uuid.optional(),
  title: LocalizedText,
  plannedActivities: z.array(PlannedActivityInput).max(100).default([]),
});
export const ObjectiveInput = z.strictObject({
  id: Uuid.optional(),
  title: LocalizedText,
  goals: z.array(GoalInput).max(50).default([]),
});
/** The whole outline, replaced at once: objectives -> goals -> planned activities. */
export const OutlineInput = z.strictObject({
  objectives: z.array(ObjectiveInput).max(30),
  /** Required once the programme is agreed: the revision records why. */
  reason: text().trim().min(1).max(2000).optional(),
});
export type OutlineInput = z.input<typeof OutlineInput>;
export type ObjectiveInput = z.infer<typeof ObjectiveInput>;

export const ProgrammeInput = z.strictObject({
  nationCode: NationCode,
  title: LocalizedText,
  startYear: Year,
  endYear: Year,
  objectives: z.array(ObjectiveInput).max(30).default([]),
});
export type ProgrammeInput = z.input<typeof ProgrammeInput>;

export const ProgrammeTransitionRequest = z.strictObject({
  to: ProgrammeStatus,
  reason: text().trim().min(1).max(2000).optional(),
});
export type ProgrammeTransitionRequest = z.infer<typeof ProgrammeTransitionRequest>;

export const ProgrammeSummary = z
  .object({
    id: Uuid,
    nationCode: z.string(),
    nationName: LocalizedText,
    title: LocalizedText,
    startYear: z.number().int(),
    endYear: z.number().int(),
    status: ProgrammeStatus,
    version: z.number().int(),
    agreedAt: IsoDateTime.nullable(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'ProgrammeSummary' });
export type ProgrammeSummary = z.infer<typeof ProgrammeSummary>;

export const PlannedActivity = z.object({
  id: Uuid,
  activityId: Uuid.nullable(),
  activityCode: z.string().nullable(),
  activityTitle: LocalizedText.nullable(),
  freeText: z.string().nullable(),
  years: z.array(z.number().int()),
  seatsPlanned: z.number().int(),
  priority: z.number().int(),
  progress: Progress,
  byYear: z.array(YearProgress),
});
export type PlannedActivity = z.infer<typeof PlannedActivity>;

export const ProgrammeGoal = z.object({
  id: Uuid,
  title: LocalizedText,
  progress: Progress,
  plannedActivities: z.array(PlannedActivity),
});
export type ProgrammeGoal = z.infer<typeof ProgrammeGoal>;

export const ProgrammeObjective = z.object({
  id: Uuid,
  title: LocalizedText,
  progress: Progress,
  goals: z.array(ProgrammeGoal),
});
export type ProgrammeObjective = z.infer<typeof ProgrammeObjective>;

export const Programme = ProgrammeSummary.extend({
  objectives: z.array(ProgrammeObjective),
  progress: Progress,
  byYear: z.array(YearProgress),
  /** The states this reader may move the programme to now. */
  allowedTransitions: z.array(ProgrammeStatus),
  /** Whether this reader may replace the outline now, and whether a reason is needed. */
  outlineEdit: z.enum(['free', 'revision', 'none']),
}).meta({ id: 'Programme' });
export type Programme = z.infer<typeof Programme>;

export const ProgrammeRevision = z.object({
  id: Uuid,
  version: z.number().int(),
  reason: z.string(),
  changes: z.unknown(),
  snapshot: z.unknown(),
  revisedBy: z.string().nullable(),
  revisedAt: IsoDateTime,
});
export type ProgrammeRevision = z.infer<typeof ProgrammeRevision>;

export const ProgrammeListQuery = z.strictObject({
  nationCode: NationCode.optional(),
  status: ProgrammeStatus.optional(),
});
export type ProgrammeListQuery = z.infer<typeof ProgrammeListQuery>;

export const PlannedCandidatesQuery = z.strictObject({
  /** Required of centre staff; a nation's own users get their nation and may name only it. */
  nationCode: NationCode.optional(),
});
export type PlannedCandidatesQuery = z.infer<typeof PlannedCandidatesQuery>;

/** A planned activity a nomination for a session could serve: the goal it counts towards. */
export const PlannedCandidate = z.object({
  id: Uuid,
  goalTitle: LocalizedText,
  objectiveTitle: LocalizedText,
  priority: z.number().int(),
  /** The session's year and the seats the programme plans on the activity in it. */
  year: z.number().int(),
  seatsPlanned: z.number().int(),
  programme: z.object({
    id: Uuid,
    title: LocalizedText,
    startYear: z.number().int(),
    endYear: z.number().int(),
    status: ProgrammeStatus,
  }),
});
export type PlannedCandidate = z.infer<typeof PlannedCandidate>;
