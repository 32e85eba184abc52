import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  lecturers,
  nations,
  sessionLecturers,
  trainingSessions,
  users,
  venues,
  visaLetters,
} from '../../db/schema/index.js';

/**
 * The lecturers of a session (or one assignment) with what their letter prints: passport data
 * from the registry, the nationality's names, the session, its activity and venue. `lock`
 * holds the assignment, so two issuers cannot both issue one letter.
 */
export async function selectLecturerSubjects(
  db: DbOrTx,
  where: { sessionCode: string; assignmentId?: string },
  lock = false,
) {
  const query = db
    .select({
      assignmentId: sessionLecturers.id,
      role: sessionLecturers.role,
      lecturer: {
        id: lecturers.id,
        kind: lecturers.kind,
        nameLatin: lecturers.nameLatin,
        nameArabic: lecturers.nameArabic,
        title: lecturers.title,
        passportName: lecturers.passportName,
        passportNumber: lecturers.passportNumber,
        email: lecturers.email,
        languages: lecturers.languages,
        userId: lecturers.userId,
      },
      /** The language the lecturer's own account reads Rabita in, when they have one. */
      accountLocale: users.locale,
      nationality: nations.name,
      session: {
        id: trainingSessions.id,
        code: trainingSessions.code,
        startDate: trainingSessions.startDate,
        endDate: trainingSessions.endDate,
        language: trainingSessions.language,
      },
      activity: { title: activities.title },
      venue: { name: venues.name, timeZone: venues.timeZone },
    })
    .from(sessionLecturers)
    .innerJoin(lecturers, eq(lecturers.id, sessionLecturers.lecturerId))
    .leftJoin(nations, eq(nations.code, lecturers.nationalityCode))
    .leftJoin(users, eq(users.id, lecturers.userId))
    .innerJoin(trainingSessions, eq(trainingSessions.id, sessionLecturers.sessionId))
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .where(
      and(
        eq(trainingSessions.code, where.sessionCode),
        where.assignmentId ? eq(sessionLecturers.id, where.assignmentId) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${lecturers.nameLatin})`), asc(sessionLecturers.id));
  return lock ? query.for('update', { of: sessionLecturers }) : query;
}
export type LecturerSubject = Awaited<ReturnType<typeof selectLecturerSubjects>>[number];

/** The live lecturers' letters of a session. */
export async function selectLiveLecturerLetters(db: DbOrTx, sessionId: string) {
  return db
    .select()
    .from(visaLetters)
    .where(
      and(
        eq(visaLetters.sessionId, sessionId),
        isNotNull(visaLetters.sessionLecturerId),
        isNull(visaLetters.revokedAt),
      ),
    );
}

export async function selectLiveLetterOfAssignment(db: DbOrTx, assignmentId: string) {
  const [row] = await db
    .select()
    .from(visaLetters)
    .where(and(eq(visaLetters.sessionLecturerId, assignmentId), isNull(visaLetters.revokedAt)));
  return row;
}

/** Notes where a lecturer's letter was e-mailed, so their page can say it went. */
export async function markLetterEmailed(db: DbOrTx, id: string, to: string) {
  const [row] = await db
    .update(visaLetters)
    .set({ emailedTo: to })
    .where(eq(visaLetters.id, id))
    .returning();
  return row;
}
