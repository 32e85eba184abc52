import { z } from 'zod';
import { LanguageCode } from './catalogue.js';
import { IsoDate, LocalizedText, Uuid } from './common.js';
import { SessionCode, SessionStatus, VenueCode } from './sessions.js';
import { text } from './text.js';

export const RoomInput = z.strictObject({
  name: text().trim().min(1).max(120),
  capacity: z.number().int().min(1).max(5000),
  equipment: z.array(text().trim().min(1).max(80)).max(30).default([]),
});
export type RoomInput = z.input<typeof RoomInput>;
export const RoomUpdate = RoomInput.partial();
export type RoomUpdate = z.input<typeof RoomUpdate>;

export const Room = z
  .object({
    id: Uuid,
    venueCode: VenueCode,
    name: z.string(),
    capacity: z.number().int(),
    equipment: z.array(z.string()),
  })
  .meta({ id: 'Room' });
export type Room = z.infer<typeof Room>;

/** Another session in the same room on some of the same days. */
export const RoomConflict = z.object({
  sessionCode: SessionCode,
  startDate: IsoDate,
  endDate: IsoDate,
});
export type RoomConflict = z.infer<typeof RoomConflict>;

export const InterpretationPair = z.strictObject({
  from: LanguageCode,
  to: LanguageCode,
  interpreters: z.number().int().min(1).max(20),
});
export type InterpretationPair = z.infer<typeof InterpretationPair>;

export const RoomBookingInput = z.strictObject({
  roomId: Uuid,
  /** Keep the booking though another session holds the room on some of those days. */
  confirmRoomConflict: z.boolean().default(false),
});
export type RoomBookingInput = z.input<typeof RoomBookingInput>;

export const InterpretationInput = z.strictObject({
  pairs: z.array(InterpretationPair).max(10),
});
export type InterpretationInput = z.input<typeof InterpretationInput>;

/** A session's room and interpretation, with what is wrong with them now. */
export const SessionRoom = z
  .object({
    sessionCode: SessionCode,
    venueCode: VenueCode,
    sessionCapacity: z.number().int(),
    room: Room.nullable(),
    /** Seats the room lacks for the session's capacity (0 when it holds them all). */
    shortfall: z.number().int(),
    conflicts: z.array(RoomConflict),
    interpretation: z.array(InterpretationPair),
  })
  .meta({ id: 'SessionRoom' });
export type SessionRoom = z.infer<typeof SessionRoom>;

export const VenueCalendarQuery = z.strictObject({ from: IsoDate, to: IsoDate });
export type VenueCalendarQuery = z.infer<typeof VenueCalendarQuery>;

/** What is booked per room of a venue over some days. */
export const VenueCalendar = z
  .object({
    venueCode: VenueCode,
    from: IsoDate,
    to: IsoDate,
    rooms: z.array(
      Room.extend({
        bookings: z.array(
          z.object({
            sessionCode: SessionCode,
            activityTitle: LocalizedText,
            startDate: IsoDate,
            endDate: IsoDate,
            status: SessionStatus,
            capacity: z.number().int(),
            interpretation: z.array(InterpretationPair),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'VenueCalendar' });
export type VenueCalendar = z.infer<typeof VenueCalendar>;
