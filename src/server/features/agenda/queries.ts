import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  agendaItemSpeakers,
  agendaItems,
  lecturers,
  nominations,
  participants,
  sessionRoomBookings,
  trainingSessions,
  venueRooms,
  venues,
} from '../../db/schema/index.js';

export type AgendaItemRow = typeof agendaItems.$inferSelect;

/** The session an agenda belongs to, with its venue's clock; `lock` serialises its changes. */
export async function selectAgendaSession(db: DbOrTx, code: string, lock = false) {
  const query = db
    .select({
      id: trainingSessions.id,
      code: trainingSessions.code,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      status: trainingSessions.status,
      language: trainingSessions.language,
      agendaPublishedAt: trainingSessions.agendaPublishedAt,
      venueCode: trainingSessions.venueCode,
      timeZone: venues.timeZone,
      venueName: venues.name,
      activityTitle: activities.title,
    })
    .from(trainingSessions)
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .where(eq(trainingSessions.code, code));
  const [row] = await (lock ? query.for('update', { of: trainingSessions }) : query);
  return row;
}
export type AgendaSession = NonNullable<Awaited<ReturnType<typeof selectAgendaSession>>>;

/** Whether the nation has someone selected on the session. */
export async function nationSelectedOn(db: DbOrTx, sessionId: string, nationCode: string) {
  const [row] = await db
    .select({ id: nominations.id })
    .from(nominations)
    .where(
      and(
        eq(nominations.sessionId, sessionId),
        eq(nominations.nationCode, nationCode),
        eq(nominations.status, 'selected'),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Whether the signed-in participant is selected on the session. */
export async function userSelectedOn(db: DbOrTx, sessionId: string, userId: string) {
  const [row] = await db
    .select({ id: nominations.id })
    .from(nominations)
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .where(
      and(
        eq(nominations.sessionId, sessionId),
        eq(participants.userId, userId),
        eq(nominations.status, 'selected'),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function selectItems(db: DbOrTx, sessionId: string) {
  return db
    .select({ item: agendaItems, room: { id: venueRooms.id, name: venueRooms.name } })
    .from(agendaItems)
    .leftJoin(venueRooms, eq(venueRooms.id, agendaItems.roomId))
    .where(eq(agendaItems.sessionId, sessionId))
    .orderBy(asc(agendaItems.startsAt), asc(agendaItems.endsAt), asc(agendaItems.id));
}

export async function selectItem(db: DbOrTx, sessionId: string, id: string) {
  const [row] = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, id), eq(agendaItems.sessionId, sessionId)))
    .for('update');
  return row;
}

export async function selectSpeakers(db: DbOrTx, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return db
    .select({
      itemId: agendaItemSpeakers.itemId,
      id: lecturers.id,
      nameLatin: lecturers.nameLatin,
      nameArabic: lecturers.nameArabic,
      title: lecturers.title,
    })
    .from(agendaItemSpeakers)
    .innerJoin(lecturers, eq(lecturers.id, agendaItemSpeakers.lecturerId))
    .where(inArray(agendaItemSpeakers.itemId, itemIds))
    .orderBy(asc(sql`lower(${lecturers.nameLatin})`), asc(lecturers.id));
}

/**
 * The lecturers named, locked: two items naming one speaker are then decided one after the
 * other, so neither can miss the other's clash.
 */
export async function lockLecturers(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: lecturers.id, nameLatin: lecturers.nameLatin })
    .from(lecturers)
    .where(inArray(lecturers.id, ids))
    .orderBy(asc(lecturers.id))
    .for('update');
}

/** The room, locked for the same reason as the speakers. */
export async function lockRoom(db: DbOrTx, id: string) {
  const [row] = await db.select().from(venueRooms).where(eq(venueRooms.id, id)).for('update');
  return row;
}

const clashColumns = {
  itemId: agendaItems.id,
  sessionCode: trainingSessions.code,
  startsAt: agendaItems.startsAt,
  endsAt: agendaItems.endsAt,
};
const overlaps = (span: { startsAt: Date; endsAt: Date }, exceptId: string | null) =>
  and(
    sql`${agendaItems.startsAt} < ${span.endsAt.toISOString()}::timestamptz`,
    sql`${agendaItems.endsAt} > ${span.startsAt.toISOString()}::timestamptz`,
    sql`${trainingSessions.status} <> 'cancelled'`,
    exceptId ? sql`${agendaItems.id} <> ${exceptId}::uuid` : undefined,
  );

/** Items of any session, not cancelled, where one of these speakers talks during the span. */
export async function selectSpeakerClashes(
  db: DbOrTx,
  lecturerIds: string[],
  span: { startsAt: Date; endsAt: Date },
  exceptId: string | null,
) {
  if (lecturerIds.length === 0) return [];
  return db
    .select({ ...clashColumns, lecturerId: agendaItemSpeakers.lecturerId })
    .from(agendaItemSpeakers)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaItemSpeakers.itemId))
    .innerJoin(trainingSessions, eq(trainingSessions.id, agendaItems.sessionId))
    .where(and(inArray(agendaItemSpeakers.lecturerId, lecturerIds), overlaps(span, exceptId)))
    .orderBy(asc(agendaItems.startsAt));
}

/** Items of any session, not cancelled, held in the room during the span. */
export async function selectRoomClashes(
  db: DbOrTx,
  roomId: string,
  span: { startsAt: Date; endsAt: Date },
  exceptId: string | null,
) {
  return db
    .select({ ...clashColumns, roomId: agendaItems.roomId })
    .from(agendaItems)
    .innerJoin(trainingSessions, eq(trainingSessions.id, agendaItems.sessionId))
    .where(and(eq(agendaItems.roomId, roomId), overlaps(span, exceptId)))
    .orderBy(asc(agendaItems.startsAt));
}

export async function insertItem(db: DbOrTx, values: typeof agendaItems.$inferInsert) {
  const [row] = await db.insert(agendaItems).values(values).returning();
  if (!row) throw new Error('agenda item insert returned nothing');
  return row;
}

export async function updateItem(
  db: DbOrTx,
  id: string,
  values: Partial<typeof agendaItems.$inferInsert>,
) {
  const [row] = await db
    .update(agendaItems)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(agendaItems.id, id))
    .returning();
  return row;
}

export async function replaceSpeakers(db: DbOrTx, itemId: string, lecturerIds: string[]) {
  await db.delete(agendaItemSpeakers).where(eq(agendaItemSpeakers.itemId, itemId));
  if (lecturerIds.length > 0) {
    await db
      .insert(agendaItemSpeakers)
      .values(lecturerIds.map((lecturerId) => ({ itemId, lecturerId })));
  }
}

export async function deleteItem(db: DbOrTx, id: string) {
  await db.delete(agendaItems).where(eq(agendaItems.id, id));
}

export async function setPublished(db: DbOrTx, sessionId: string, at: Date | null) {
  await db
    .update(trainingSessions)
    .set({ agendaPublishedAt: at })
    .where(eq(trainingSessions.id, sessionId));
}

/**
 * Other sessions, not cancelled, that booked the room for their whole days when those days (on
 * the venue's clock, from the first day's midnight to the end of the last) overlap the span.
 */
export async function selectRoomBookingClashes(
  db: DbOrTx,
  roomId: string,
  span: { startsAt: Date; endsAt: Date },
  sessionId: string,
) {
  const firstMidnight = sql`(${trainingSessions.startDate}::timestamp at time zone ${venues.timeZone})`;
  const lastMidnight = sql`((${trainingSessions.endDate} + 1)::timestamp at time zone ${venues.timeZone})`;
  return db
    .select({
      sessionCode: trainingSessions.code,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
    })
    .from(sessionRoomBookings)
    .innerJoin(trainingSessions, eq(trainingSessions.id, sessionRoomBookings.sessionId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .where(
      and(
        eq(sessionRoomBookings.roomId, roomId),
        sql`${trainingSessions.id} <> ${sessionId}::uuid`,
        sql`${trainingSessions.status} <> 'cancelled'`,
        sql`${firstMidnight} < ${span.endsAt.toISOString()}::timestamptz`,
        sql`${lastMidnight} > ${span.startsAt.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(trainingSessions.startDate), asc(trainingSessions.code));
}
