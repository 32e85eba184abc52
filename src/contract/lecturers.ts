import { z } from 'zod';
import { LanguageCode } from './catalogue.js';
import { IsoDate, IsoDateTime, LocalizedText, PageQuery, pageOf, Uuid } from './common.js';
import { SessionCode, SessionStatus } from './sessions.js';
import { text } from './text.js';

const OptionalText = (max: number) => text().trim().max(max).nullable();

export const LECTURER_KINDS = ['internal', 'external'] as const;
export const LecturerKind = z.enum(LECTURER_KINDS);
export type LecturerKind = z.infer<typeof LecturerKind>;

// An interpreter is assigned by name like a lecturer, so one in two booths at once is found as
// a lecturer on two sessions is (409 lecturer_conflict unless confirmed).
export const LECTURER_ROLES = [
  'lecturer',
  'speaker',
  'panellist',
  'moderator',
  'interpreter',
] as const;
export const LecturerRole = z.enum(LECTURER_ROLES);
export type LecturerRole = z.infer<typeof LecturerRole>;

/** Days a lecturer cannot teach, both ends included. */
export const UnavailablePeriod = z
  .strictObject({ from: IsoDate, to: IsoDate, note: OptionalText(200).default(null) })
  .refine((p) => p.to >= p.from, { message: 'ends before it starts', path: ['to'] });
export type UnavailablePeriod = z.output<typeof UnavailablePeriod>;

const lecturerFields = {
  kind: LecturerKind,
  nameLatin: text().trim().min(1).max(160),
  nameArabic: OptionalText(160),
  title: OptionalText(80),
  institution: OptionalText(200),
  expertise: z.array(text().trim().min(1).max(80)).max(20),
  languages: z.array(LanguageCode).max(10),
  email: z.email().max(254).nullable(),
  phone: OptionalText(40),
  /** The account of a lecturer who signs in; else their e-mail links them once they have one. */
  userId: Uuid.nullable(),
  unavailable: z.array(UnavailablePeriod).max(50),
  notes: OptionalText(2000),
  /** For an invitation letter: the name as the passport prints it, its number, nationality. */
  passportName: OptionalText(160),
  passportNumber: OptionalText(40),
  /** ISO 3166 alpha-3 code of a nation of the registry. */
  nationalityCode: z
    .string()
    .regex(/^[A-Z]{3}$/, 'is not an ISO 3166 alpha-3 code')
    .nullable(),
};

export const LecturerInput = z.strictObject({
  ...lecturerFields,
  nameArabic: lecturerFields.nameArabic.default(null),
  title: lecturerFields.title.default(null),
  institution: lecturerFields.institution.default(null),
  expertise: lecturerFields.expertise.default([]),
  languages: lecturerFields.languages.default([]),
  email: lecturerFields.email.default(null),
  phone: lecturerFields.phone.default(null),
  userId: lecturerFields.userId.default(null),
  unavailable: lecturerFields.unavailable.default([]),
  notes: lecturerFields.notes.default(null),
  passportName: lecturerFields.passportName.default(null),
  passportNumber: lecturerFields.passportNumber.default(null),
  nationalityCode: lecturerFields.nationalityCode.default(null),
});
export type LecturerInput = z.input<typeof LecturerInput>;

export const LecturerUpdate = z.strictObject(lecturerFields).partial();
export type LecturerUpdate = z.input<typeof LecturerUpdate>;

export const Lecturer = z
  .object({
    id: Uuid,
    kind: LecturerKind,
    nameLatin: z.string(),
    nameArabic: z.string().nullable(),
    title: z.string().nullable(),
    institution: z.string().nullable(),
    expertise: z.array(z.string()),
    languages: z.array(z.string()),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    userId: Uuid.nullable(),
    unavailable: z.array(z.object({ from: IsoDate, to: IsoDate, note: z.string().nullable() })),
    notes: z.string().nullable(),
    passportName: z.string().nullable(),
    passportNumber: z.string().nullable(),
    nationalityCode: z.string().nullable(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Lecturer' });
export type Lecturer = z.infer<typeof Lecturer>;

export const LecturerListQuery = PageQuery.extend({
  q: text().trim().max(100).optional(),
  kind: LecturerKind.optional(),
});
export type LecturerListQuery = z.input<typeof LecturerListQuery>;
export const LecturerPage = pageOf(Lecturer);
export type LecturerPage = z.infer<typeof LecturerPage>;

/** Why a lecturer should not be on a session: another session those days, or away. */
export const LecturerConflict = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('session'),
    sessionCode: SessionCode,
    role: LecturerRole,
    startDate: IsoDate,
    endDate: IsoDate,
  }),
  z.object({
    kind: z.literal('unavailable'),
    from: IsoDate,
    to: IsoDate,
    note: z.string().nullable(),
  }),
]);
export type LecturerConflict = z.infer<typeof LecturerConflict>;

/** Arrival, departure, flights and hotel: a traveller's stay, as a lecturer's or staff's. */
export const travelFields = {
  arrivalAt: IsoDateTime.nullable(),
  arrivalFlight: OptionalText(40),
  departureAt: IsoDateTime.nullable(),
  departureFlight: OptionalText(40),
  hotel: OptionalText(200),
};

export const AssignmentInput = z.strictObject({
  lecturerId: Uuid,
  role: LecturerRole,
  arrivalAt: travelFields.arrivalAt.default(null),
  arrivalFlight: travelFields.arrivalFlight.default(null),
  departureAt: travelFields.departureAt.default(null),
  departureFlight: travelFields.departureFlight.default(null),
  hotel: travelFields.hotel.default(null),
  /** Keep the lecturer on this session despite another session or an unavailable period. */
  confirmConflicts: z.boolean().default(false),
});
export type AssignmentInput = z.input<typeof AssignmentInput>;

export const AssignmentUpdate = z
  .strictObject({ role: LecturerRole, ...travelFields, confirmConflicts: z.boolean() })
  .partial();
export type AssignmentUpdate = z.input<typeof AssignmentUpdate>;

/** A lecturer on a session, their travel, and what clashes with it now. */
export const Assignment = z
  .object({
    id: Uuid,
    sessionCode: SessionCode,
    role: LecturerRole,
    lecturer: z.object({
      id: Uuid,
      kind: LecturerKind,
      nameLatin: z.string(),
      nameArabic: z.string().nullable(),
      institution: z.string().nullable(),
    }),
    arrivalAt: IsoDateTime.nullable(),
    arrivalFlight: z.string().nullable(),
    departureAt: IsoDateTime.nullable(),
    departureFlight: z.string().nullable(),
    hotel: z.string().nullable(),
    conflicts: z.array(LecturerConflict),
  })
  .meta({ id: 'LecturerAssignment' });
export type Assignment = z.infer<typeof Assignment>;

/** One of the signed-in lecturer's own assignments. */
export const MyAssignment = z.object({
  id: Uuid,
  role: LecturerRole,
  sessionCode: SessionCode,
  activityTitle: LocalizedText,
  startDate: IsoDate,
  endDate: IsoDate,
  status: SessionStatus,
  venueName: LocalizedText,
  roomName: z.string().nullable(),
  arrivalAt: IsoDateTime.nullable(),
  arrivalFlight: z.string().nullable(),
  departureAt: IsoDateTime.nullable(),
  departureFlight: z.string().nullable(),
  hotel: z.string().nullable(),
});
export type MyAssignment = z.infer<typeof MyAssignment>;
