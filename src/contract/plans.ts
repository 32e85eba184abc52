import { z } from 'zod';
import { ActivityCode } from './catalogue.js';
import { IsoDate, Uuid } from './common.js';
import { VenueCode } from './sessions.js';

/** Years a plan may be made for: bounded, as every date is. */
export const PlanYear = z.coerce.number().int().min(2000).max(2100);

export const PlanYearParams = z.strictObject({ year: PlanYear });
export const PlanVersionParams = z.strictObject({
  year: PlanYear,
  version: z.coerce.number().int().min(1).max(100_000),
});

/** Ramadan and the Eids as confirmed by sighting, replacing the Umm al-Qura forecast. */
export const HijriOverride = z.strictObject({
  ramadanStart: IsoDate.optional(),
  eidAlFitr: IsoDate.optional(),
  eidAlAdha: IsoDate.optional(),
});

export const PlanRunRequest = z.strictObject({
  /** The version to plan again from: its locked sessions stay where they are. */
  basedOn: z.number().int().min(1).max(100_000).optional(),
  minGapWeeks: z.number().int().min(1).max(26).default(4),
  timeLimitSeconds: z.number().int().min(1).max(600).default(60),
  /** Ramadan and the Eids close every venue's calendar (true unless told). */
  observeIslamicHolidays: z.boolean().default(true),
  hijriOverrides: z.record(z.string().regex(/^1[45]\d\d$/), HijriOverride).default({}),
});
export type PlanRunRequest = z.input<typeof PlanRunRequest>;

export const DemandCell = z.object({
  activityCode: z.string(),
  nationCode: z.string(),
  seats: z.number().int(),
  /** Highest priority among the lines (1 highest). */
  priority: z.number().int(),
  lines: z.array(
    z.object({
      lineId: Uuid,
      programmeId: Uuid,
      seats: z.number().int(),
      priority: z.number().int(),
    }),
  ),
});

export const PlanDemand = z
  .object({
    year: z.number().int(),
    activities: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        seats: z.number().int(),
        fixedSessions: z.array(
          z.object({
            code: z.string(),
            startDate: IsoDate,
            endDate: IsoDate,
            capacity: z.number().int(),
          }),
        ),
      }),
    ),
    nations: z.array(z.object({ code: z.string(), seats: z.number().int() })),
    cells: z.array(DemandCell),
    totalSeats: z.number().int(),
    /** Lines planned as free text, outside the catalogue: they cannot be planned. */
    freeTextLines: z.number().int(),
  })
  .meta({ id: 'PlanDemand' });
export type PlanDemand = z.infer<typeof PlanDemand>;

export const UNMET_REASONS = ['no-venue', 'no-staff', 'no-free-week', 'no-capacity'] as const;

export const PlanSession = z.object({
  id: Uuid,
  activityCode: z.string(),
  venueCode: z.string(),
  week: z.number().int(),
  startDate: IsoDate,
  endDate: IsoDate,
  capacity: z.number().int(),
  directorId: Uuid.nullable(),
  instructorIds: z.array(Uuid),
  quotas: z.record(z.string(), z.number().int()),
  serves: z.array(
    z.object({ lineId: Uuid, programmeId: Uuid, nationCode: z.string(), seats: z.number().int() }),
  ),
  locked: z.boolean(),
  existing: z.boolean(),
  sessionCode: z.string().nullable(),
});
export type PlanSession = z.infer<typeof PlanSession>;

export const PlanUnmet = z.object({
  lineId: Uuid,
  programmeId: Uuid,
  nationCode: z.string(),
  activityCode: z.string(),
  priority: z.number().int(),
  seats: z.number().int(),
  reason: z.enum(UNMET_REASONS),
});

export const PlanConflict = z.object({
  kind: z.enum(['venue-double-booked', 'staff-double-booked']),
  week: z.number().int(),
  subject: z.string(),
  sessions: z.array(z.string()),
});

export const PlanSummary = z.object({
  year: z.number().int(),
  version: z.number().int(),
  status: z.enum(['proposed', 'accepted', 'superseded']),
  basedOn: z.number().int().nullable(),
  /** Weighted seats met (priority 1 weighs 3, 2 weighs 2, 3 weighs 1). */
  score: z.number(),
  /** The solver's proven upper bound of the weighted seats. */
  bound: z.number(),
  seatsDemanded: z.number().int(),
  seatsMet: z.number().int(),
  method: z.string(),
  solverStatus: z.string(),
  solveMs: z.number(),
  createdAt: z.string(),
  acceptedAt: z.string().nullable(),
});

export const Plan = PlanSummary.extend({
  sessions: z.array(PlanSession),
  unmet: z.array(PlanUnmet),
  conflicts: z.array(PlanConflict),
  /** Ramadan and the Eids the plan kept clear. */
  islamicHolidays: z.array(
    z.object({ kind: z.string(), from: IsoDate, to: IsoDate, confirmed: z.boolean() }),
  ),
}).meta({ id: 'Plan' });
export type Plan = z.infer<typeof Plan>;

export const PlanList = z.object({ items: z.array(PlanSummary) }).meta({ id: 'PlanList' });

export const PlanLockRequest = z.strictObject({ locked: z.boolean() });
export const PlanSessionParams = PlanVersionParams.extend({ sessionId: Uuid });

export const PlanCompareQuery = z.strictObject({
  from: z.coerce.number().int().min(1).max(100_000),
  to: z.coerce.number().int().min(1).max(100_000),
});

export const PlanComparison = z
  .object({
    year: z.number().int(),
    from: z.number().int(),
    to: z.number().int(),
    added: z.array(
      z.object({ activityCode: z.string(), venueCode: z.string(), startDate: IsoDate }),
    ),
    removed: z.array(
      z.object({ activityCode: z.string(), venueCode: z.string(), startDate: IsoDate }),
    ),
    moved: z.array(
      z.object({
        activityCode: z.string(),
        from: z.object({ venueCode: z.string(), startDate: IsoDate }),
        to: z.object({ venueCode: z.string(), startDate: IsoDate }),
      }),
    ),
    /** Seats per nation in each version and the difference (to less from). */
    nations: z.array(
      z.object({
        nationCode: z.string(),
        from: z.number().int(),
        to: z.number().int(),
        change: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'PlanComparison' });
export type PlanComparison = z.infer<typeof PlanComparison>;

export const PlanAccepted = z.object({
  year: z.number().int(),
  version: z.number().int(),
  /** Whether the sessions were announced (else they are drafts). */
  announced: z.boolean(),
  sessions: z.array(z.object({ code: z.string(), activityCode: z.string(), startDate: IsoDate })),
});

/** Where the registrar puts a proposed session: a week of the year, and a venue if it changes. */
export const PlanMoveRequest = z.strictObject({
  week: z.number().int().min(0).max(53),
  venueCode: VenueCode.optional(),
});
export type PlanMoveRequest = z.input<typeof PlanMoveRequest>;

/** A run the registrar adds by hand: it is locked, and the next run fills its quotas. */
export const PlanAddRequest = z.strictObject({
  activityCode: ActivityCode,
  week: z.number().int().min(0).max(53),
  venueCode: VenueCode,
});
export type PlanAddRequest = z.input<typeof PlanAddRequest>;

/** Accepting creates drafts unless told to announce them at once (no body: drafts). */
export const PlanAcceptRequest = z.strictObject({ announce: z.boolean().default(false) }).nullish();
export type PlanAcceptRequest = z.input<typeof PlanAcceptRequest>;
export type PlanAccepted = z.infer<typeof PlanAccepted>;
