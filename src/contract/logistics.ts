import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.js';
import { text } from './text.js';
import { NationCode } from './users.js';

/** Where a participant sleeps during the session. */
export const LODGINGS = ['centre', 'own', 'hotel'] as const;
export const Lodging = z.enum(LODGINGS);
export type Lodging = z.infer<typeof Lodging>;

export const VISA_LETTER_ANSWERS = ['yes', 'no'] as const;
export const VisaLetterAnswer = z.enum(VISA_LETTER_ANSWERS);
export type VisaLetterAnswer = z.infer<typeof VisaLetterAnswer>;

/** The logistics fields a form can fill, in the order the sheet shows them. */
export const LOGISTICS_FIELDS = [
  'arrivalAt',
  'arrivalFlight',
  'departureAt',
  'departureFlight',
  'lodging',
  'visaLetterRequested',
  'passportNumber',
  'dietaryNeeds',
  'notes',
] as const;
export type LogisticsField = (typeof LOGISTICS_FIELDS)[number];

/** What the centre cannot plan a stay without; a sheet row lacking one counts as missing. */
export const REQUIRED_LOGISTICS = [
  'arrivalAt',
  'departureAt',
  'lodging',
  'visaLetterRequested',
] as const satisfies readonly LogisticsField[];

const Text = (max: number) => text().trim().max(max);

/** One selected nomination's arrival, stay and departure. Never-recorded fields are null. */
export const Logistics = z
  .object({
    nominationId: Uuid,
    sessionCode: z.string(),
    /** The venue's IANA time zone: the form reads and writes times as the venue's clock shows. */
    timeZone: z.string(),
    arrivalAt: IsoDateTime.nullable(),
    arrivalFlight: z.string().nullable(),
    departureAt: IsoDateTime.nullable(),
    departureFlight: z.string().nullable(),
    lodging: Lodging.nullable(),
    visaLetterRequested: VisaLetterAnswer.nullable(),
    passportNumber: z.string().nullable(),
    dietaryNeeds: z.string().nullable(),
    notes: z.string().nullable(),
    /** Null until logistics are first saved. */
    updatedAt: IsoDateTime.nullable(),
    updatedByName: z.string().nullable(),
  })
  .meta({ id: 'Logistics' });
export type Logistics = z.infer<typeof Logistics>;

/**
 * What a PUT sends. A field left out keeps its stored value and null clears it, so a participant
 * who only adds a dietary need cannot wipe the flight their NPOC entered. Blank text is stored
 * as null.
 */
export const LogisticsInput = z
  .strictObject({
    arrivalAt: IsoDateTime.nullable(),
    arrivalFlight: Text(40).nullable(),
    departureAt: IsoDateTime.nullable(),
    departureFlight: Text(40).nullable(),
    lodging: Lodging.nullable(),
    visaLetterRequested: VisaLetterAnswer.nullable(),
    passportNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{0,20}$/, 'letters and digits only, at most 20')
      .nullable(),
    dietaryNeeds: Text(500).nullable(),
    notes: Text(2000).nullable(),
  })
  .partial()
  .superRefine((input, ctx) => {
    if (input.arrivalAt && input.departureAt && departsBeforeArrival(input)) {
      ctx.addIssue({
        code: 'custom',
        path: ['departureAt'],
        message: 'must not be before the arrival',
        params: { code: 'departure_before_arrival' },
      });
    }
  });
export type LogisticsInput = z.input<typeof LogisticsInput>;

/** True when both instants are known and the departure comes first. */
export function departsBeforeArrival(times: {
  arrivalAt?: string | null;
  departureAt?: string | null;
}): boolean {
  if (!times.arrivalAt || !times.departureAt) return false;
  return Date.parse(times.departureAt) < Date.parse(times.arrivalAt);
}

/** One line of a session's logistics sheet: who, from where, and what they sent. */
export const LogisticsSheetRow = z.object({
  nominationId: Uuid,
  familyNameLatin: z.string(),
  givenNamesLatin: z.string(),
  familyNameArabic: z.string().nullable(),
  givenNamesArabic: z.string().nullable(),
  nationCode: NationCode,
  nationName: z.object({ en: z.string(), fr: z.string().optional(), ar: z.string().optional() }),
  rankCode: z.string(),
  rankTitle: z.string().nullable(),
  arrivalAt: IsoDateTime.nullable(),
  arrivalFlight: z.string().nullable(),
  departureAt: IsoDateTime.nullable(),
  departureFlight: z.string().nullable(),
  lodging: Lodging.nullable(),
  visaLetterRequested: VisaLetterAnswer.nullable(),
  /** Null as well when the reader may not see passport numbers (see `passportNumbersShown`). */
  passportNumber: z.string().nullable(),
  dietaryNeeds: z.string().nullable(),
  notes: z.string().nullable(),
  updatedAt: IsoDateTime.nullable(),
  /** The required fields still empty; an empty list means the centre can plan this stay. */
  missingFields: z.array(z.enum(LOGISTICS_FIELDS)),
});
export type LogisticsSheetRow = z.infer<typeof LogisticsSheetRow>;

/** Every selected nomination of a session the reader may see, with their logistics. */
export const LogisticsSheet = z.object({
  sessionCode: z.string(),
  timeZone: z.string(),
  /** Only those who manage logistics see passport numbers; others get the column empty. */
  passportNumbersShown: z.boolean(),
  /** How many rows lack a required field. */
  missing: z.number().int(),
  rows: z.array(LogisticsSheetRow),
});
export type LogisticsSheet = z.infer<typeof LogisticsSheet>;
