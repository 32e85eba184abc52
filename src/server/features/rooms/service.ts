import type {
  InterpretationInput,
  Room,
  RoomBookingInput,
  RoomInput,
  RoomUpdate,
  SessionRoom,
  VenueCalendar,
  VenueCalendarQuery,
} from '../../../contract/rooms.js';
import type { SessionNotice } from '../../../contract/sessions.js';
import { wallClockAt } from '../../../domain/agenda.js';
import { badLanguagePairs, languagePairKey, roomShortfall } from '../../../domain/bookings.js';
import { AppError, conflict, invalid, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { presentPair, presentRoom } from './presenters.js';
import * as q from './queries.js';

/** The longest span the venue calendar answers for at once. */
export const CALENDAR_MAX_DAYS = 366;

async function checkVenue(ctx: ServiceContext, venueCode: string) {
  if (!(await q.venueExists(ctx.tx, venueCode))) throw notFound(`The venue ${venueCode}`);
}

/** A venue's rooms by name. */
export async function listRooms(ctx: ServiceContext, venueCode: string): Promise<Room[]> {
  await checkVenue(ctx, venueCode);
  return (await q.selectRooms(ctx.tx, venueCode)).map(presentRoom);
}

/** Adds a room to a venue; its name is unique within the venue, whatever its case. */
export async function createRoom(
  ctx: ServiceContext,
  venueCode: string,
  input: RoomInput,
): Promise<Room> {
  await checkVenue(ctx, venueCode);
  if (await q.selectRoomByName(ctx.tx, venueCode, input.name, null)) {
    throw conflict('room_exists', `${venueCode} already has a room named ${input.name}.`);
  }
  const row = await q.insertRoom(ctx.tx, {
    venueCode,
    name: input.name,
    capacity: input.capacity,
    equipment: input.equipment ?? [],
  });
  const room = presentRoom(row);
  await recordAudit(ctx, {
    action: 'room.created',
    entityType: 'room',
    entityId: row.id,
    after: room,
  });
  return room;
}

/** Edits a room. Bookings already made stay; their session page shows a room now too small. */
export async function updateRoom(
  ctx: ServiceContext,
  venueCode: string,
  id: string,
  input: RoomUpdate,
): Promise<Room> {
  const existing = await q.selectRoom(ctx.tx, id, { lock: true });
  if (!existing || existing.venueCode !== venueCode) throw notFound('The room');
  if (input.name && (await q.selectRoomByName(ctx.tx, venueCode, input.name, id))) {
    throw conflict('room_exists', `${venueCode} already has a room named ${input.name}.`);
  }
  const row = await q.updateRoom(ctx.tx, id, input);
  if (!row) throw notFound('The room');
  const after = presentRoom(row);
  await recordAudit(ctx, {
    action: 'room.updated',
    entityType: 'room',
    entityId: id,
    before: presentRoom(existing),
    after,
  });
  return after;
}

async function sessionOf(ctx: ServiceContext, code: string, forChange = false) {
  const session = await q.selectSessionPlace(ctx.tx, code, { lock: forChange });
  if (!session) throw notFound(`The session ${code}`);
  if (forChange && (session.status === 'cancelled' || session.status === 'completed')) {
    throw new AppError(
      409,
      'session_not_editable',
      `The session ${code} is ${session.status}; its room can no longer change.`,
    );
  }
  return session;
}

async function sessionRoomOf(ctx: ServiceContext, session: q.SessionPlace): Promise<SessionRoom> {
  const room = await q.selectBookedRoom(ctx.tx, session.id);
  const conflicts = room
    ? await q.selectRoomClashes(ctx.tx, {
        roomId: room.id,
        sessionId: session.id,
        startDate: session.startDate,
        endDate: session.endDate,
      })
    : [];
  const pairs = await q.selectInterpretation(ctx.tx, [session.id]);
  return {
    sessionCode: session.code,
    venueCode: session.venueCode,
    sessionCapacity: session.capacity,
    room: room ? presentRoom(room) : null,
    shortfall: room ? roomShortfall(room.capacity, session.capacity) : 0,
    conflicts,
    interpretation: pairs.map(presentPair),
  };
}

/**
 * A session's room and interpretation, with what is wrong now: a room too small for the
 * session's capacity, another session in it on some of the same days.
 */
export async function getSessionRoom(ctx: ServiceContext, code: string): Promise<SessionRoom> {
  return sessionRoomOf(ctx, await sessionOf(ctx, code));
}

/**
 * Books a room of the session's venue for the session's days. Another session in the room on
 * some of those days is refused (409 `room_conflict`) unless `confirmRoomConflict`; the room
 * row is locked first, so two bookings of one room are decided one after the other. A room
 * smaller than the session's capacity is booked and reported (`shortfall`).
 */
export async function bookRoom(
  ctx: ServiceContext,
  code: string,
  input: RoomBookingInput,
): Promise<SessionRoom> {
  const session = await sessionOf(ctx, code, true);
  const room = await q.selectRoom(ctx.tx, input.roomId, { lock: true });
  if (!room || room.venueCode !== session.venueCode) {
    throw invalid('roomId', `is not a room of the venue ${session.venueCode}`, 'unknown_room');
  }
  const before = await q.selectBookedRoom(ctx.tx, session.id);
  await refuseRoomHeldByItems(ctx, session, room);
  const clashes = await q.selectRoomClashes(ctx.tx, {
    roomId: room.id,
    sessionId: session.id,
    startDate: session.startDate,
    endDate: session.endDate,
  });
  if (clashes.length > 0 && !input.confirmRoomConflict) {
    const first = clashes[0] as (typeof clashes)[number];
    const more = clashes.length > 1 ? ` and ${clashes.length - 1} more` : '';
    throw new AppError(
      409,
      'room_conflict',
      `${room.name} is booked for ${first.sessionCode} (${first.startDate} to ${first.endDate})${more}. Send confirmRoomConflict: true to share it.`,
      clashes.map((c) => ({
        field: 'roomId',
        message: `is booked for ${c.sessionCode} from ${c.startDate} to ${c.endDate}`,
        code: 'room_conflict',
      })),
      undefined,
      { conflicts: clashes },
    );
  }
  await q.upsertBooking(ctx.tx, session.id, room.id);
  const after = await sessionRoomOf(ctx, session);
  await recordAudit(ctx, {
    action: 'session.room-booked',
    entityType: 'session',
    entityId: session.id,
    before: before ? presentRoom(before) : null,
    after: { room: after.room, shortfall: after.shortfall, conflictsConfirmed: clashes },
  });
  return after;
}

/**
 * An agenda item of another session in the room at a set hour of the session's days is a
 * fact, not a booking to share: refused (409 `room_conflict`, the room clash's code) whatever
 * `confirmRoomConflict` says, naming the items so the registrar can move one or the other.
 */
async function refuseRoomHeldByItems(
  ctx: ServiceContext,
  session: q.SessionPlace,
  room: q.RoomRow,
) {
  const items = await q.selectAgendaItemsInRoom(ctx.tx, {
    roomId: room.id,
    sessionId: session.id,
    startDate: session.startDate,
    endDate: session.endDate,
  });
  const first = items[0];
  if (!first) return;
  const more = items.length > 1 ? ` and ${items.length - 1} more` : '';
  const clock = (at: string, timeZone: string) =>
    wallClockAt(new Date(at), timeZone).replace('T', ' ');
  const when = (item: (typeof items)[number]) =>
    `${clock(item.startsAt, item.timeZone)} to ${clock(item.endsAt, item.timeZone)} (${item.timeZone})`;
  throw new AppError(
    409,
    'room_conflict',
    `${room.name} holds an agenda item of ${first.sessionCode} from ${when(first)}${more}, during ${session.code}; it cannot be booked for the whole session. Move the item or choose another room.`,
    items.map((item) => ({
      field: 'roomId',
      message: `holds an agenda item of ${item.sessionCode} from ${when(item)}`,
      code: 'room_conflict',
    })),
    undefined,
    { conflicts: [], agendaItems: items },
  );
}

/** Gives the session's room back. */
export async function releaseRoom(ctx: ServiceContext, code: string): Promise<SessionRoom> {
  const session = await sessionOf(ctx, code, true);
  const before = await q.selectBookedRoom(ctx.tx, session.id);
  if (!before) throw notFound(`A room booked for ${code}`);
  await q.deleteBooking(ctx.tx, session.id);
  await recordAudit(ctx, {
    action: 'session.room-released',
    entityType: 'session',
    entityId: session.id,
    before: presentRoom(before),
  });
  return sessionRoomOf(ctx, session);
}

/**
 * Gives back a session's room when the session has moved to another venue: a room of the old
 * venue would otherwise stay booked for days nobody uses it, and block others. Audited; the
 * notice is what the edit's answer tells the registrar.
 */
export async function releaseRoomLeftBehind(
  ctx: ServiceContext,
  session: { id: string; code: string },
  venueCode: string,
): Promise<SessionNotice | null> {
  const room = await q.selectBookedRoom(ctx.tx, session.id);
  if (!room || room.venueCode === venueCode) return null;
  await q.deleteBooking(ctx.tx, session.id);
  await recordAudit(ctx, {
    action: 'session.room-released',
    entityType: 'session',
    entityId: session.id,
    before: presentRoom(room),
    after: { reason: 'venue-changed', venueCode },
  });
  return {
    code: 'room_released',
    message: `${session.code} moved to ${venueCode}: its room ${room.name} at ${room.venueCode} was released.`,
    roomName: room.name,
    venueCode: room.venueCode,
  };
}

/**
 * Sets the session's simultaneous interpretation: language pairs (both ways) and how many
 * interpreters each. Replaces what was there; an empty list removes it.
 */
export async function setInterpretation(
  ctx: ServiceContext,
  code: string,
  input: InterpretationInput,
): Promise<SessionRoom> {
  const problems = badLanguagePairs(input.pairs);
  if (problems.length > 0) {
    throw new AppError(
      400,
      'validation_failed',
      'Each pair names two different languages, once.',
      problems.map((p) => ({
        field: `pairs.${p.index}.to`,
        message: p.reason === 'same_language' ? 'is the same language' : 'repeats an earlier pair',
        code: p.reason,
      })),
    );
  }
  const session = await sessionOf(ctx, code, true);
  const before = (await q.selectInterpretation(ctx.tx, [session.id])).map(presentPair);
  await q.replaceInterpretation(
    ctx.tx,
    session.id,
    input.pairs.map((pair) => {
      const [languageA, languageB] = languagePairKey(pair.from, pair.to).split('<>') as [
        string,
        string,
      ];
      return { languageA, languageB, interpreters: pair.interpreters };
    }),
  );
  const after = await sessionRoomOf(ctx, session);
  await recordAudit(ctx, {
    action: 'session.interpretation-set',
    entityType: 'session',
    entityId: session.id,
    before,
    after: after.interpretation,
  });
  return after;
}

/** What each room of a venue holds over [from, to]: the sessions booked, with interpretation. */
export async function venueCalendar(
  ctx: ServiceContext,
  venueCode: string,
  query: VenueCalendarQuery,
): Promise<VenueCalendar> {
  if (query.to < query.from) throw invalid('to', 'is before from', 'range_reversed');
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 + 1;
  if (days > CALENDAR_MAX_DAYS) {
    throw invalid('to', `is more than ${CALENDAR_MAX_DAYS} days after from`, 'range_too_long');
  }
  await checkVenue(ctx, venueCode);
  const rooms = await q.selectRooms(ctx.tx, venueCode);
  const bookings = await q.selectVenueBookings(ctx.tx, venueCode, query.from, query.to);
  const pairs = await q.selectInterpretation(
    ctx.tx,
    bookings.map((b) => b.sessionId),
  );
  return {
    venueCode,
    from: query.from,
    to: query.to,
    rooms: rooms.map((room) => ({
      ...presentRoom(room),
      bookings: bookings
        .filter((b) => b.roomId === room.id)
        .map((b) => ({
          sessionCode: b.sessionCode,
          activityTitle: b.activityTitle,
          startDate: b.startDate,
          endDate: b.endDate,
          status: b.status as VenueCalendar['rooms'][number]['bookings'][number]['status'],
          capacity: b.capacity,
          interpretation: pairs.filter((p) => p.sessionId === b.sessionId).map(presentPair),
        })),
    })),
  };
}
