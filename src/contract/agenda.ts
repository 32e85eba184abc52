import { z } from 'zod';
import { IsoDateTime, LOCALES, LocalizedText, Uuid } from './common.js';
import { SessionCode } from './sessions.js';

/** A wall-clock time at the session's venue, to the minute (`2027-03-07T09:30`). */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, {
    message: 'is not a date and time such as 2027-03-07T09:30',
  })
  .meta({ id: 'LocalDateTime' });

export const AgendaItemInput = z.strictObject({
  title: LocalizedText,
  /** On the venue's clock; stored as the instant it names there. */
  startsAt: LocalDateTime,
  endsAt: LocalDateTime,
  /** Lecturers from the registry; each may speak on one item at a time, across sessions. */
  speakerIds: z.array(Uuid).max(20).default([]),
  /** A room of the session's venue, or none. */
  roomId: Uuid.nullable().default(null),
});
export type AgendaItemInput = z.input<typeof AgendaItemInput>;

export const AgendaItemUpdate = z
  .strictObject({
    title: LocalizedText,
    startsAt: LocalDateTime,
    endsAt: LocalDateTime,
    speakerIds: z.array(Uuid).max(20),
    roomId: Uuid.nullable(),
  })
  .partial();
export type AgendaItemUpdate = z.input<typeof AgendaItemUpdate>;

export const AgendaPublication = z.strictObject({ published: z.boolean() });
export type AgendaPublication = z.infer<typeof AgendaPublication>;

export const AgendaItem = z
  .object({
    id: Uuid,
    title: z.object({ en: z.string(), fr: z.string().optional(), ar: z.string().optional() }),
    /** The instants, and the same times on the venue's clock. */
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    localStartsAt: LocalDateTime,
    localEndsAt: LocalDateTime,
    speakers: z.array(
      z.object({
        id: Uuid,
        nameLatin: z.string(),
        nameArabic: z.string().nullable(),
        title: z.string().nullable(),
      }),
    ),
    room: z.object({ id: Uuid, name: z.string() }).nullable(),
  })
  .meta({ id: 'AgendaItem' });
export type AgendaItem = z.infer<typeof AgendaItem>;

/** A session's agenda: a draft until published, then read by its nations and participants. */
export const Agenda = z
  .object({
    sessionCode: SessionCode,
    timeZone: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    status: z.enum(['draft', 'published']),
    publishedAt: IsoDateTime.nullable(),
    /** Whether the reader may change it (centre staff). */
    canEdit: z.boolean(),
    items: z.array(AgendaItem),
  })
  .meta({ id: 'Agenda' });
export type Agenda = z.infer<typeof Agenda>;

/** Another item a speaker or the room is on at the same time. */
export const AgendaClash = z.object({
  itemId: Uuid,
  sessionCode: SessionCode,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  lecturerId: Uuid.optional(),
  roomId: Uuid.optional(),
});
export type AgendaClash = z.infer<typeof AgendaClash>;

export const AgendaPdfQuery = z.strictObject({ locale: z.enum(LOCALES).optional() });
