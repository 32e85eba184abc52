import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { searchTsQuery } from '../../../domain/search-text.js';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  lecturers,
  nations,
  sessionLecturers,
  sessionRoomBookings,
  trainingSessions,
  users,
  venueRooms,
  venues,
} from '../../db/schema/index.js';

export type LecturerRow = typeof lecturers.$inferSelect;
export type AssignmentRow = typeof sessionLecturers.$inferSelect;

/** `%` and `_` typed by a user are letters, not wildcards. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Every typed word starts a word of the lecturer's name in either script, with the global
 * search's normalisation (src/domain/search-text.ts: marks, letter forms, the article, Latin
 * spellings). The registry is a few thousand rows at most: keys are computed as rows are read.
 */
export function lecturerNameMatches(text: string): SQL {
  const keys = searchTsQuery(text);
  if (!keys) return sql`false`;
  const document = sql`rabita_search_document(${lecturers.nameLatin} || ' ' || coalesce(${lecturers.nameArabic}, ''))`;
  return sql`to_tsvector('simple', ${document}) @@ to_tsquery('simple', ${keys})`;
}

/**
 * A page of the registry in name order, matching every word of `q` in either script, the
 * institution, the e-mail or an expertise.
 */
export async function selectLecturers(
  db: DbOrTx,
  options: { q?: string; kind?: string; after: string[] | null; limit: number },
): Promise<LecturerRow[]> {
  const words = (options.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
  const conditions = words.map((word) => {
    const pattern = likePattern(word);
    return or(
      ilike(lecturers.nameLatin, pattern),
      ilike(lecturers.nameArabic, pattern),
      ilike(lecturers.institution, pattern),
      ilike(lecturers.email, pattern),
      sql`array_to_string(${lecturers.expertise}, ' ') ilike ${pattern}`,
    );
  });
  if (options.kind) conditions.push(eq(lecturers.kind, options.kind as LecturerRow['kind']));
  if (options.after) {
    const [name, id] = options.after;
    conditions.push(sql`(lower(${lecturers.nameLatin}), ${lecturers.id}) > (${name}, ${id}::uuid)`);
  }
  return db
    .select()
    .from(lecturers)
    .where(and(...conditions))
    .orderBy(asc(sql`lower(${lecturers.nameLatin})`), asc(lecturers.id))
    .limit(options.limit + 1);
}

export async function selectLecturer(
  db: DbOrTx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<LecturerRow | undefined> {
  const query = db.select().from(lecturers).where(eq(lecturers.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** Another lecturer with this e-mail, whatever its case. */
export async function selectLecturerByEmail(db: DbOrTx, email: string, exceptId: string | null) {
  const [row] = await db
    .select({ id: lecturers.id })
    .from(lecturers)
    .where(
      and(
        sql`lower(${lecturers.email}) = lower(${email})`,
        exceptId ? sql`${lecturers.id} <> ${exceptId}::uuid` : undefined,
      ),
    );
  return row;
}

export async function userExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, id));
  return row !== undefined;
}

export async function nationExists(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db.select({ code: nations.code }).from(nations).where(eq(nations.code, code));
  return row !== undefined;
}

export async function insertLecturer(db: DbOrTx, values: typeof lecturers.$inferInsert) {
  const [row] = await db.insert(lecturers).values(values).returning();
  if (!row) throw new Error('lecturer insert returned nothing');
  return row;
}

export async function updateLecturer(
  db: DbOrTx,
  id: string,
  values: Partial<typeof lecturers.$inferInsert>,
) {
  const [row] = await db
    .update(lecturers)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(lecturers.id, id))
    .returning();
  return row;
}

export interface SessionDays {
  id: string;
  code: string;
  startDate: string;
  endDate: string;
  status: string;
}

/** The session's id, days and status by its code; `lock` holds its row for the change. */
export async function selectSessionDays(
  db: DbOrTx,
  code: string,
  options: { lock?: boolean } = {},
): Promise<SessionDays | undefined> {
  const query = db
    .select({
      id: trainingSessions.id,
      code: trainingSessions.code,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      status: trainingSessions.status,
    })
    .from(trainingSessions)
    .where(eq(trainingSessions.code, code));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function selectAssignments(db: DbOrTx, sessionId: string) {
  return db
    .select({ assignment: sessionLecturers, lecturer: lecturers })
    .from(sessionLecturers)
    .innerJoin(lecturers, eq(lecturers.id, sessionLecturers.lecturerId))
    .where(eq(sessionLecturers.sessionId, sessionId))
    .orderBy(asc(sessionLecturers.createdAt), asc(sessionLecturers.id));
}

/** One assignment; `lock` holds it, so a letter cannot be issued for it while it is removed. */
export async function selectAssignment(
  db: DbOrTx,
  sessionId: string,
  id: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .select({ assignment: sessionLecturers, lecturer: lecturers })
    .from(sessionLecturers)
    .innerJoin(lecturers, eq(lecturers.id, sessionLecturers.lecturerId))
    .where(and(eq(sessionLecturers.sessionId, sessionId), eq(sessionLecturers.id, id)));
  const [row] = options.lock ? await query.for('update', { of: sessionLecturers }) : await query;
  return row;
}

export async function selectAssignmentOf(db: DbOrTx, sessionId: string, lecturerId: string) {
  const [row] = await db
    .select({ id: sessionLecturers.id })
    .from(sessionLecturers)
    .where(
      and(eq(sessionLecturers.sessionId, sessionId), eq(sessionLecturers.lecturerId, lecturerId)),
    );
  return row;
}

export async function insertAssignment(db: DbOrTx, values: typeof sessionLecturers.$inferInsert) {
  const [row] = await db.insert(sessionLecturers).values(values).returning();
  if (!row) throw new Error('assignment insert returned nothing');
  return row;
}

export async function updateAssignment(
  db: DbOrTx,
  id: string,
  values: Partial<typeof sessionLecturers.$inferInsert>,
) {
  const [row] = await db
    .update(sessionLecturers)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(sessionLecturers.id, id))
    .returning();
  return row;
}

export async function deleteAssignment(db: DbOrTx, id: string) {
  await db.delete(sessionLecturers).where(eq(sessionLecturers.id, id));
}

export interface LecturerClashRow {
  lecturerId: string;
  sessionCode: string;
  role: AssignmentRow['role'];
  startDate: string;
  endDate: string;
}

/**
 * The other sessions, not cancelled, that overlap [start, end] and have one of these lecturers.
 * Inclusive on both ends, as staff clashes are.
 */
export async function selectLecturerClashes(
  db: DbOrTx,
  options: { sessionId: string; startDate: string; endDate: string; lecturerIds: string[] },
): Promise<LecturerClashRow[]> {
  if (options.lecturerIds.length === 0) return [];
  const ids = sql.join(
    options.lecturerIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await db.execute<{
    lecturer_id: string;
    code: string;
    role: AssignmentRow['role'];
    start_date: string;
    end_date: string;
  }>(sql`
    select a.lecturer_id, s.code, a.role, s.start_date::text as start_date,
           s.end_date::text as end_date
      from session_lecturers a
      join training_sessions s on s.id = a.session_id
     where a.lecturer_id in (${ids})
       and s.id <> ${options.sessionId}::uuid
       and s.status <> 'cancelled'
       and s.start_date <= ${options.endDate}::date
       and s.end_date >= ${options.startDate}::date
     order by s.start_date, s.code`);
  return result.rows.map((row) => ({
    lecturerId: row.lecturer_id,
    sessionCode: row.code,
    role: row.role,
    startDate: row.start_date,
    endDate: row.end_date,
  }));
}

/**
 * The assignments of the lecturer this user is: linked by user id, or (until linked) by the
 * same e-mail. Cancelled sessions are left out; the most recent first.
 */
export async function selectMyAssignments(db: DbOrTx, user: { id: string; email: string }) {
  return db
    .select({
      id: sessionLecturers.id,
      role: sessionLecturers.role,
      sessionCode: trainingSessions.code,
      activityTitle: activities.title,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      status: trainingSessions.status,
      venueName: venues.name,
      roomName: venueRooms.name,
      arrivalAt: sessionLecturers.arrivalAt,
      arrivalFlight: sessionLecturers.arrivalFlight,
      departureAt: sessionLecturers.departureAt,
      departureFlight: sessionLecturers.departureFlight,
      hotel: sessionLecturers.hotel,
    })
    .from(sessionLecturers)
    .innerJoin(lecturers, eq(lecturers.id, sessionLecturers.lecturerId))
    .innerJoin(trainingSessions, eq(trainingSessions.id, sessionLecturers.sessionId))
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .leftJoin(sessionRoomBookings, eq(sessionRoomBookings.sessionId, trainingSessions.id))
    .leftJoin(venueRooms, eq(venueRooms.id, sessionRoomBookings.roomId))
    .where(
      and(
        or(
          eq(lecturers.userId, user.id),
          and(
            sql`${lecturers.userId} is null`,
            sql`lower(${lecturers.email}) = lower(${user.email})`,
          ),
        ),
        sql`${trainingSessions.status} <> 'cancelled'`,
      ),
    )
    .orderBy(sql`${trainingSessions.startDate} desc`, asc(trainingSessions.code))
    .limit(200);
}
