import { z } from 'zod';
import {
  ActivityCode,
  ActivityKind,
  ActivityType,
  DeliveryMethod,
  DisciplineCode,
  LanguageCode,
  LocalizedLongText,
} from './catalogue.js';
import { IsoDate, IsoDateTime, LocalizedText, Uuid } from './common.js';
import { text } from './text.js';
import { NationCode } from './users.js';

export const VenueCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9-]{1,23}$/, 'must be 2-24 capitals, digits or dashes, e.g. KWI-NIRC');

export const VENUE_KINDS = ['centre', 'city', 'online'] as const;
export const VenueKind = z.enum(VENUE_KINDS);

/** Days of the week as in JavaScript: 0 Sunday ... 6 Saturday. */
export const Weekday = z.number().int().min(0).max(6);

/** An IANA time zone such as Asia/Kuwait; checked against the runtime's zone database. */
export const TimeZone = text()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Asia/Kuwait');

export const Holiday = z.strictObject({ date: IsoDate, name: LocalizedText });
export type Holiday = z.infer<typeof Holiday>;

/** Where sessions take place; its time zone, working week and holidays rule every date count. */
export const Venue = z
  .object({
    code: VenueCode,
    name: LocalizedText,
    kind: VenueKind,
    city: z.string().nullable(),
    countryCode: NationCode.nullable(),
    timeZone: z.string(),
    workingDays: z.array(Weekday),
    holidays: z.array(Holiday),
  })
  .meta({ id: 'Venue' });
export type Venue = z.infer<typeof Venue>;

export const VenueInput = z.strictObject({
  code: VenueCode,
  name: LocalizedText,
  kind: VenueKind,
  city: text().trim().max(120).nullable().default(null),
  countryCode: NationCode.nullable().default(null),
  timeZone: TimeZone,
  workingDays: z.array(Weekday).min(1).max(7),
  holidays: z.array(Holiday).max(100).default([]),
});
export type VenueInput = z.input<typeof VenueInput>;

export const VenueUpdate = z
  .strictObject({
    name: LocalizedText,
    kind: VenueKind,
    city: text().trim().max(120).nullable(),
    countryCode: NationCode.nullable(),
    timeZone: TimeZone,
    workingDays: z.array(Weekday).min(1).max(7),
    holidays: z.array(Holiday).max(100),
  })
  .partial();
export type VenueUpdate = z.input<typeof VenueUpdate>;

export const SESSION_STATUSES = [
  'draft',
  'announced',
  'nominations-closed',
  'confirmed',
  'in-progress',
  'completed',
  'cancelled',
] as const;
export const SessionStatus = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof SessionStatus>;

export const SessionCode = z
  .string()
  .regex(
    /^[A-Z0-9][A-Z0-9-]{1,47}$/,
    'must be 2-48 capitals, digits or dashes, e.g. CTM-CT-2839-A-27',
  );

export const Quota = z.strictObject({
  nationCode: NationCode,
  seats: z.number().int().min(0).max(1000),
});
export type Quota = z.infer<typeof Quota>;

/** What a reader needs to know about the seats: the pool is capacity minus all quotas. */
export const Seats = z.object({
  capacity: z.number().int(),
  quotaTotal: z.number().int(),
  pool: z.number().int(),
  taken: z.number().int(),
  left: z.number().int(),
});
export type Seats = z.infer<typeof Seats>;

export const SessionSummary = z
  .object({
    id: Uuid,
    code: SessionCode,
    activityId: Uuid,
    activityCode: ActivityCode,
    activityTitle: LocalizedText,
    activityType: ActivityType,
    /** What the activity's type behaves as: whether results and which certificate apply. */
    activityKind: ActivityKind,
    disciplineCode: DisciplineCode,
    delivery: DeliveryMethod,
    startDate: IsoDate,
    endDate: IsoDate,
    venueCode: VenueCode,
    venueName: LocalizedText,
    timeZone: z.string(),
    status: SessionStatus,
    nominationOpens: IsoDate,
    nominationCloses: IsoDate,
    /** The end of the closing day in the venue's time zone, as a UTC instant. */
    nominationDeadline: IsoDateTime,
    seats: Seats,
    /** For a nation-scoped reader: their nation's quota on this session (0 when none). */
    myQuota: z.number().int().nullable(),
    /** A mobile training team's host nation, whose officers it trains at home; null otherwise. */
    hostNation: z.object({ code: NationCode, name: LocalizedText }).nullable(),
  })
  .meta({ id: 'SessionSummary' });
export type SessionSummary = z.infer<typeof SessionSummary>;

export const SessionNotice = z.object({
  code: z.enum(['room_released']),
  message: z.string(),
  /** The room given back and the venue it belongs to. */
  roomName: z.string(),
  venueCode: VenueCode,
});
export type SessionNotice = z.infer<typeof SessionNotice>;

export const Session = SessionSummary.extend({
  venue: Venue,
  workingDays: z.array(IsoDate),
  quotaReleaseOn: IsoDate.nullable(),
  /** Quotas per nation; a nation-scoped reader gets only their own. */
  quotas: z.array(Quota),
  directorId: Uuid.nullable(),
  directorName: z.string().nullable(),
  instructors: z.array(z.object({ id: Uuid, displayName: z.string() })),
  language: LanguageCode,
  notes: z.string().nullable(),
  joiningInstructions: LocalizedLongText.nullable(),
  cancelReason: z.string().nullable(),
  /** A registrar has paused automatic promotion of the waitlist on this session. */
  promotionPaused: z.boolean(),
  allowedTransitions: z.array(SessionStatus),
  updatedAt: IsoDateTime,
  /**
   * What an edit did beside the edit itself, answered by that edit only: `room_released` when
   * the session left the venue its room belonged to.
   */
  notices: z.array(SessionNotice).optional(),
}).meta({ id: 'Session' });
export type Session = z.infer<typeof Session>;

const sessionFields = {
  startDate: IsoDate,
  endDate: IsoDate,
  venueCode: VenueCode,
  capacity: z.number().int().min(1).max(1000),
  nominationOpens: IsoDate,
  nominationCloses: IsoDate,
  quotaReleaseOn: IsoDate.nullable(),
  quotas: z.array(Quota).max(100),
  directorId: Uuid.nullable(),
  instructorIds: z.array(Uuid).max(20),
  /**
   * A session abroad names the nation it is held for (a mobile training team). Left out on
   * create (or on a move to another venue), it is the venue's country when a partner nation
   * other than the centre's; null says the session is no mobile team.
   */
  hostNationCode: NationCode.nullable(),
  language: LanguageCode,
  notes: text().trim().max(5000).nullable(),
  joiningInstructions: LocalizedLongText.nullable(),
};

/**
 * Sent as true after the registrar has read a `staff_conflict`: the director or an instructor
 * is on another session at the same time, and that is what they want.
 */
const confirmStaffConflicts = z.boolean().optional();

export const SessionInput = z.strictObject({
  code: SessionCode,
  activityCode: ActivityCode,
  ...sessionFields,
  confirmStaffConflicts,
  quotaReleaseOn: sessionFields.quotaReleaseOn.default(null),
  quotas: sessionFields.quotas.default([]),
  directorId: sessionFields.directorId.default(null),
  instructorIds: sessionFields.instructorIds.default([]),
  hostNationCode: sessionFields.hostNationCode.optional(),
  language: sessionFields.language.default('en'),
  notes: sessionFields.notes.default(null),
  joiningInstructions: sessionFields.joiningInstructions.default(null),
});
export type SessionInput = z.input<typeof SessionInput>;

/** Partial edit without defaults; quotas, when sent, replace the whole set. */
export const SessionUpdate = z
  .strictObject({
    ...sessionFields,
    confirmStaffConflicts,
    /** Stops (true) or resumes (false) the automatic promotion of the waitlist. */
    promotionPaused: z.boolean(),
  })
  .partial();
export type SessionUpdate = z.input<typeof SessionUpdate>;

export const SessionTransitionRequest = z.strictObject({
  to: SessionStatus,
  /** Required when cancelling. */
  reason: text().trim().min(1).max(2000).optional(),
});
export type SessionTransitionRequest = z.infer<typeof SessionTransitionRequest>;

/** One clash a `staff_conflict` names: who, in which role, on which other session. */
export const StaffConflict = z.object({
  userId: Uuid,
  displayName: z.string(),
  /** The person's role on the other session. */
  role: z.enum(['director', 'instructor']),
  sessionCode: z.string(),
  startDate: IsoDate,
  endDate: IsoDate,
});
export type StaffConflict = z.infer<typeof StaffConflict>;

export const SessionListQuery = z.strictObject({
  q: text().trim().max(200).optional(),
  activityCode: ActivityCode.optional(),
  disciplineCode: DisciplineCode.optional(),
  status: SessionStatus.optional(),
  venueCode: VenueCode.optional(),
  /** Sessions overlapping [from, to]: the calendar asks for one month at a time. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  openForNominations: z.enum(['true', 'false']).optional(),
  cursor: text().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type SessionListQuery = z.infer<typeof SessionListQuery>;

/**
 * The secret address of a user's calendar feed; rotating it makes the old one stop working.
 * Only the token's hash is kept, so the address is shown once, when it is issued (the first
 * request, or a rotation); later answers carry `url: null` and say since when the feed exists.
 */
export const CalendarFeed = z
  .object({ url: z.string().nullable(), createdAt: IsoDateTime })
  .meta({ id: 'CalendarFeed' });
export type CalendarFeed = z.infer<typeof CalendarFeed>;
