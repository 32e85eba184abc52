import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  sessionInterpretation,
  sessionRoomBookings,
  trainingSessions,
  venueRooms,
  venues,
} from '../../db/schema/index.js';

export type RoomRow = typeof venueRooms.$inferSelect;
export type InterpretationRow = typeof sessionInterpretation.$inferSelect;

export async function venueExists(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db.select({ code: venues.code }).from(venues).where(eq(venues.code, code));
  return row !== undefined;
}

export async function selectRooms(db: DbOrTx, venueCode: string): Promise<RoomRow[]> {
  return db
    .select()
    .from(venueRooms)
    .where(eq(venueRooms.venueCode, venueCode))
    .orderBy(asc(sql`lower(${venueRooms.name})`), asc(venueRooms.id));
}

/** One room; `lock` holds it so two bookings of the same room are decided one after the other. */
export async function selectRoom(
  db: DbOrTx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RoomRow | undefined> {
  const query = db.select().from(venueRooms).where(eq(venueRooms.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function selectRoomByName(
  db: DbOrTx,
  venueCode: string,
  name: string,
  exceptId: string | null,
) {
  const [row] = await db
    .select({ id: venueRooms.id })
    .from(venueRooms)
    .where(
      and(
        eq(venueRooms.venueCode, venueCode),
        sql`lower(${venueRooms.name}) = lower(${name})`,
        exceptId ? sql`${venueRooms.id} <> ${exceptId}::uuid` : undefined,
      ),
    );
  return row;
}

export async function insertRoom(db: DbOrTx, values: typeof venueRooms.$inferInsert) {
  const [row] = await db.insert(venueRooms).values(values).returning();
  if (!row) throw new Error('room insert returned nothing');
  return row;
}

export async function updateRoom(
  db: DbOrTx,
  id: string,
  values: Partial<typeof venueRooms.$inferInsert>,
) {
  const [row] = await db
    .update(venueRooms)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(venueRooms.id, id))
    .returning();
  return row;
}

export interface SessionPlace {
  id: string;
  code: string;
  startDate: string;
  endDate: string;
  status: string;
  capacity: number;
  venueCode: string;
}

export async function selectSessionPlace(
  db: DbOrTx,
  code: string,
  options: { lock?: boolean } = {},
): Promise<SessionPlace | undefined> {
  const query = db
    .select({
      id: trainingSessions.id,
      code: trainingSessions.code,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      status: trainingSessions.status,
      capacity: trainingSessions.capacity,
      venueCode: trainingSessions.venueCode,
    })
    .from(trainingSessions)
    .where(eq(trainingSessions.code, code));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function selectBookedRoom(db: DbOrTx, sessionId: string) {
  const [row] = await db
    .select({ room: venueRooms })
    .from(sessionRoomBookings)
    .innerJoin(venueRooms, eq(venueRooms.id, sessionRoomBookings.roomId))
    .where(eq(sessionRoomBookings.sessionId, sessionId));
  return row?.room;
}

export async function upsertBooking(db: DbOrTx, sessionId: string, roomId: string) {
  await db
    .insert(sessionRoomBookings)
    .values({ sessionId, roomId })
    .onConflictDoUpdate({
      target: sessionRoomBookings.sessionId,
      set: { roomId, createdAt: new Date() },
    });
}

export async function deleteBooking(db: DbOrTx, sessionId: string) {
  await db.delete(sessionRoomBookings).where(eq(sessionRoomBookings.sessionId, sessionId));
}

/**
 * The other sessions, not cancelled, that hold this room on some of [start, end]. Inclusive on
 * both ends: a room is not free on a course's last day.
 */
export async function selectRoomClashes(
  db: DbOrTx,
  options: { roomId: string; sessionId: string; startDate: string; endDate: string },
) {
  return db
    .select({
      sessionCode: trainingSessions.code,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
    })
    .from(sessionRoomBookings)
    .innerJoin(trainingSessions, eq(trainingSessions.id, sessionRoomBookings.sessionId))
    .where(
      and(
        eq(sessionRoomBookings.roomId, options.roomId),
        sql`${trainingSessions.id} <> ${options.sessionId}::uuid`,
        sql`${trainingSessions.status} <> 'cancelled'`,
        sql`${trainingSessions.startDate} <= ${options.endDate}::date`,
        sql`${trainingSessions.endDate} >= ${options.startDate}::date`,
      ),
    )
    .orderBy(asc(trainingSessions.startDate), asc(trainingSessions.code));
}

export async function selectInterpretation(db: DbOrTx, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  return db
    .select()
    .from(sessionInterpretation)
    .where(inArray(sessionInterpretation.sessionId, sessionIds))
    .orderBy(asc(sessionInterpretation.languageA), asc(sessionInterpretation.languageB));
}

export async function replaceInterpretation(
  db: DbOrTx,
  sessionId: string,
  rows: Omit<InterpretationRow, 'sessionId'>[],
) {
  await db.delete(sessionInterpretation).where(eq(sessionInterpretation.sessionId, sessionId));
  if (rows.length > 0) {
    await db.insert(sessionInterpretation).values(rows.map((row) => ({ ...row, sessionId })));
  }
}

/** The sessions (not cancelled) booked in the venue's rooms on some of [from, to]. */
export async function selectVenueBookings(db: DbOrTx, venueCode: string, from: string, to: string) {
  return db
    .select({
      roomId: sessionRoomBookings.roomId,
      sessionId: trainingSessions.id,
      sessionCode: trainingSessions.code,
      activityTitle: activities.title,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      status: trainingSessions.status,
      capacity: trainingSessions.capacity,
    })
    .from(sessionRoomBookings)
    .innerJoin(venueRooms, eq(venueRooms.id, sessionRoomBookings.roomId))
    .innerJoin(trainingSessions, eq(trainingSessions.id, sessionRoomBookings.sessionId))
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .where(
      and(
        eq(venueRooms.venueCode, venueCode),
        sql`${trainingSessions.status} <> 'cancelled'`,
        sql`${trainingSessions.startDate} <= ${to}::date`,
        sql`${trainingSessions.endDate} >= ${from}::date`,
      ),
    )
    .orderBy(asc(trainingSessions.startDate), asc(trainingSessions.code));
}

/**
 * Agenda items of other sessions, not cancelled, held in this room at some hour of [start, end]
 * on the venue's clock (from the first day's midnight to the end of the last).
 */
export async function selectAgendaItemsInRoom(
  db: DbOrTx,
  options: { roomId: string; sessionId: string; startDate: string; endDate: string },
) {
  const result = await db.execute<{
    session_code: string;
    starts_at: Date | string;
    ends_at: Date | string;
    time_zone: string;
  }>(sql`
    select s.code as session_code, i.starts_at, i.ends_at, v.time_zone
      from agenda_items i
      join training_sessions s on s.id = i.session_id
      join venue_rooms r on r.id = i.room_id
      join venues v on v.code = r.venue_code
     where i.room_id = ${options.roomId}::uuid
       and i.session_id <> ${options.sessionId}::uuid
       and s.status <> 'cancelled'
       and i.starts_at < ((${options.endDate}::date + 1)::timestamp at time zone v.time_zone)
       and i.ends_at > (${options.startDate}::date::timestamp at time zone v.time_zone)
     order by i.starts_at, s.code`);
  return result.rows.map((row) => ({
    sessionCode: row.session_code,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    timeZone: row.time_zone,
  }));
}
