import { z } from 'zod';
import { IsoDate, IsoDateTime, LocalizedText, Uuid } from './common.js';
import { FrameworkCode, InstitutionCode } from './partners.js';
import { text } from './text.js';
import { NationCode } from './users.js';

/** Longer text in several languages (descriptions, joining instructions). */
export const LocalizedLongText = z.strictObject({
  en: text().trim().min(1).max(10_000),
  fr: text().trim().max(10_000).optional(),
  ar: text().trim().max(10_000).optional(),
});
export type LocalizedLongText = z.infer<typeof LocalizedLongText>;

export const DisciplineCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'must be 2-16 capitals, digits or dashes, e.g. CYBER');

export const Discipline = z
  .object({
    code: DisciplineCode,
    name: LocalizedText,
    activityCount: z.number().int(),
  })
  .meta({ id: 'Discipline' });
export type Discipline = z.infer<typeof Discipline>;
export const DisciplineInput = z.strictObject({ code: DisciplineCode, name: LocalizedText });
export type DisciplineInput = z.infer<typeof DisciplineInput>;

export const ACTIVITY_TYPES = [
  'course',
  'exercise',
  'dialogue-event',
  'conference',
  'seminar',
  'expert-visit',
  'staff-talks',
] as const;
export const ActivityType = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof ActivityType>;
/**
 * What an activity's type behaves as (src/domain/activity-kinds.ts): a course has results and a
 * certificate of completion, an event (dialogue, conference, seminar) a certificate of
 * attendance, a visit (expert visit, staff talks) neither, an exercise a certificate of attendance.
 */
export const ACTIVITY_KINDS = ['course', 'event', 'visit', 'exercise'] as const;
export const ActivityKind = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof ActivityKind>;
/** The roles a selected participant may hold on an event, a visit or an exercise. */
export const EVENT_ROLES = [
  'participant',
  'delegate',
  'head-of-delegation',
  'speaker',
  'panellist',
  'moderator',
  'observer',
  'vip',
] as const;
export const EventRole = z.enum(EVENT_ROLES);
export type EventRole = z.infer<typeof EventRole>;
/** The certificate an activity's kind issues. */
export const CERTIFICATE_AWARDS = ['completion', 'attendance'] as const;
export const CertificateAward = z.enum(CERTIFICATE_AWARDS);
export type CertificateAward = z.infer<typeof CertificateAward>;
export const DELIVERY_METHODS = [
  'residential',
  'mobile-training-team',
  'online',
  'blended',
] as const;
export const DeliveryMethod = z.enum(DELIVERY_METHODS);
export const ACTIVITY_STATUSES = ['draft', 'active', 'retired'] as const;
export const ActivityStatus = z.enum(ACTIVITY_STATUSES);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

/** NATO STANAG 2116 rank codes: officers OF-1..OF-10 (OF-D designate), other ranks OR-1..OR-9, civilians. */
export const RankCode = z
  .string()
  .regex(/^(OF-(D|[1-9]|10)|OR-[1-9]|CIV)$/, 'must be a NATO rank code such as OF-3, OR-7 or CIV');

/** Security clearances in ascending order; the index is the level rules compare. */
export const CLEARANCE_LEVELS = ['NONE', 'NU', 'NR', 'NC', 'NS', 'CTS'] as const;
export const ClearanceLevel = z.enum(CLEARANCE_LEVELS);

/** ISO 639-1 language code of instruction or of a language profile. */
export const LanguageCode = z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as en');

/** STANAG 6001 profile: listening, speaking, reading, writing, each 0-5, e.g. 3222. */
export const LanguageProfile = z.string().regex(/^[0-5]{4}$/, 'must be four digits 0-5, e.g. 3222');

export const Prerequisites = z.strictObject({
  rankMin: RankCode.nullable().default(null),
  rankMax: RankCode.nullable().default(null),
  civiliansAllowed: z.boolean().default(true),
  languages: z
    .array(z.strictObject({ language: LanguageCode, minimum: LanguageProfile }))
    .max(5)
    .default([]),
  clearance: ClearanceLevel.default('NONE'),
  /** Codes of activities a participant must have completed first. */
  courses: z.array(text().max(40)).max(10).default([]),
  extra: text().trim().max(2000).nullable().default(null),
});
export type Prerequisites = z.infer<typeof Prerequisites>;

/**
 * Who may see an activity and its sessions: everyone, or the named frameworks and nations.
 * A nation not covered does not learn that the activity exists.
 */
export const Releasability = z.strictObject({
  all: z.boolean().default(false),
  frameworks: z.array(FrameworkCode).max(20).default([]),
  nations: z.array(NationCode).max(100).default([]),
});
export type Releasability = z.infer<typeof Releasability>;

export const Fee = z.strictObject({
  amount: z.number().min(0).max(1_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
});

export const ActivityCode = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'must be 2-40 capitals, digits or dashes, e.g. CTM-CT-2839');

export const ActivitySummary = z
  .object({
    id: Uuid,
    code: ActivityCode,
    type: ActivityType,
    /** What the type behaves as: results, evaluations and certificate follow from it. */
    kind: ActivityKind,
    title: LocalizedText,
    disciplineCode: DisciplineCode,
    providerCode: InstitutionCode,
    delivery: DeliveryMethod,
    durationDays: z.number().int(),
    language: LanguageCode,
    status: ActivityStatus,
    /** Sessions of this activity currently open for nominations that the reader may see. */
    openSessions: z.number().int(),
  })
  .meta({ id: 'ActivitySummary' });
export type ActivitySummary = z.infer<typeof ActivitySummary>;

export const Activity = ActivitySummary.extend({
  description: LocalizedLongText.nullable(),
  audience: z.string().nullable(),
  prerequisites: Prerequisites,
  classification: z.string(),
  releasability: Releasability,
  /** Listed, with its announced sessions, in the public catalogue that needs no sign-in. */
  publicCatalogue: z.boolean(),
  evaluationLevels: z.array(z.number().int().min(1).max(3)),
  defaultCapacity: z.number().int(),
  fee: Fee.nullable(),
  updatedAt: IsoDateTime,
}).meta({ id: 'Activity' });
export type Activity = z.infer<typeof Activity>;

export const ActivityInput = z.strictObject({
  code: ActivityCode,
  type: ActivityType,
  title: LocalizedText,
  description: LocalizedLongText.nullable().default(null),
  disciplineCode: DisciplineCode,
  providerCode: InstitutionCode,
  delivery: DeliveryMethod,
  durationDays: z.number().int().min(1).max(365),
  audience: text().trim().max(2000).nullable().default(null),
  language: LanguageCode.default('en'),
  prerequisites: Prerequisites.default(Prerequisites.parse({})),
  classification: text().trim().min(1).max(80).default('NATO UNCLASSIFIED'),
  releasability: Releasability.default({ all: true, frameworks: [], nations: [] }),
  publicCatalogue: z.boolean().default(false),
  evaluationLevels: z.array(z.number().int().min(1).max(3)).max(3).default([1]),
  defaultCapacity: z.number().int().min(1).max(1000).default(24),
  fee: Fee.nullable().default(null),
  status: ActivityStatus.default('draft'),
});
export type ActivityInput = z.input<typeof ActivityInput>;

/** Partial edit: no defaults, so a field left out keeps its value. The code never changes. */
export const ActivityUpdate = z
  .strictObject({
    type: ActivityType,
    title: LocalizedText,
    description: LocalizedLongText.nullable(),
    disciplineCode: DisciplineCode,
    providerCode: InstitutionCode,
    delivery: DeliveryMethod,
    durationDays: z.number().int().min(1).max(365),
    audience: text().trim().max(2000).nullable(),
    language: LanguageCode,
    prerequisites: Prerequisites,
    classification: text().trim().min(1).max(80),
    releasability: Releasability,
    publicCatalogue: z.boolean(),
    evaluationLevels: z.array(z.number().int().min(1).max(3)).max(3),
    defaultCapacity: z.number().int().min(1).max(1000),
    fee: Fee.nullable(),
    status: ActivityStatus,
  })
  .partial();
export type ActivityUpdate = z.input<typeof ActivityUpdate>;

const Flag = z.enum(['true', 'false']);

export const ActivityListQuery = z.strictObject({
  /** Full-text search over code, titles and descriptions in English, French and Arabic. */
  q: text().trim().max(200).optional(),
  disciplineCode: DisciplineCode.optional(),
  providerCode: InstitutionCode.optional(),
  type: ActivityType.optional(),
  delivery: DeliveryMethod.optional(),
  language: LanguageCode.optional(),
  status: ActivityStatus.optional(),
  /** Only activities with a session open for nominations now. */
  openForNominations: Flag.optional(),
  /** Only activities with a session starting within [from, to]. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  cursor: text().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;
