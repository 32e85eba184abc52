import { and, asc, desc, eq, exists, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import { ACTIVITY_KINDS } from '../../../contract/catalogue.js';
import { kindRules } from '../../../domain/activity-kinds.js';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  attendanceMarks,
  nominations,
  participantResults,
  sessionDelivery,
  sessionInstructors,
  surveyInvitations,
  surveyResponses,
  trainingSessions,
  venues,
} from '../../db/schema/index.js';

/** Whether the user is on the session's team: its director or one of its instructors. */
const onTeam = (userId: string) =>
  or(
    eq(trainingSessions.directorId, userId),
    exists(
      sql`(select 1 from ${sessionInstructors} si where si.session_id = ${trainingSessions.id} and si.user_id = ${userId})`,
    ),
  );

const selectedCount = sql<number>`(select count(*)::int from ${nominations} n where n.session_id = ${trainingSessions.id} and n.status = 'selected')`;

/** The venue's date at `now`, as SQL. */
const venueToday = (now: Date) =>
  sql`(${now.toISOString()}::timestamptz at time zone ${venues.timeZone})::date`;

/**
 * The user's sessions (directed or taught) that are live: not draft, cancelled or completed,
 * and not over at their venue. The caller decides which are running or starting soon.
 */
export function selectTeamSessions(db: DbOrTx, userId: string, now: Date, horizonDays: number) {
  const today = venueToday(now);
  return db
    .select({
      id: trainingSessions.id,
      code: trainingSessions.code,
      activityTitle: activities.title,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      status: trainingSessions.status,
      venueName: venues.name,
      timeZone: venues.timeZone,
      workingDays: venues.workingDays,
      holidays: venues.holidays,
      directorId: trainingSessions.directorId,
      participants: selectedCount,
      resultsClosedAt: sessionDelivery.resultsClosedAt,
    })
    .from(trainingSessions)
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .leftJoin(sessionDelivery, eq(sessionDelivery.sessionId, trainingSessions.id))
    .where(
      and(
        onTeam(userId),
        notInArray(trainingSessions.status, ['draft', 'cancelled', 'completed']),
        sql`${trainingSessions.endDate} >= ${today}`,
        sql`${trainingSessions.startDate} <= ${today} + ${horizonDays}::int`,
      ),
    )
    .orderBy(asc(trainingSessions.startDate), asc(trainingSessions.code))
    .limit(100);
}

/** How many of the session's selected participants have a mark on the day. */
export async function countMarkedOn(db: DbOrTx, sessionId: string, day: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(attendanceMarks)
    .innerJoin(nominations, eq(nominations.id, attendanceMarks.nominationId))
    .where(
      and(
        eq(nominations.sessionId, sessionId),
        eq(nominations.status, 'selected'),
        eq(attendanceMarks.day, day),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Sessions the user directs that have ended at their venue (or are completed) while their
 * results are still open: some selected participant lacks a confirmed status, or the results
 * were never closed.
 */
export function selectResultsToConfirm(db: DbOrTx, directorId: string, now: Date) {
  const unconfirmed = sql<number>`(select count(*)::int from ${nominations} n
      left join ${participantResults} r on r.nomination_id = n.id
     where n.session_id = ${trainingSessions.id} and n.status = 'selected' and r.status is null)`;
  return db
    .select({
      code: trainingSessions.code,
      activityTitle: activities.title,
      endDate: trainingSessions.endDate,
      participants: selectedCount,
      unconfirmed,
    })
    .from(trainingSessions)
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .leftJoin(sessionDelivery, eq(sessionDelivery.sessionId, trainingSessions.id))
    .where(
      and(
        eq(trainingSessions.directorId, directorId),
        // Only the kinds that have results (a course): an event is attended, not confirmed.
        inArray(
          activities.kind,
          ACTIVITY_KINDS.filter((k) => kindRules(k).results),
        ),
        inArray(trainingSessions.status, ['in-progress', 'completed']),
        or(
          eq(trainingSessions.status, 'completed'),
          sql`${trainingSessions.endDate} < ${venueToday(now)}`,
        ),
        isNull(sessionDelivery.resultsClosedAt),
      ),
    )
    .orderBy(desc(trainingSessions.endDate), asc(trainingSessions.code))
    .limit(50);
}

/**
 * The sessions the user directs with level-1 answers, the latest answered first: survey
 * results are their director's to read (surveys feature, results.ts).
 */
export function selectAnsweredEvaluations(db: DbOrTx, directorId: string, since: Date) {
  const invited = sql<number>`(select count(*)::int from ${surveyInvitations} i where i.session_id = ${trainingSessions.id} and i.level = 1)`;
  return db
    .select({
      code: trainingSessions.code,
      activityTitle: activities.title,
      answers: sql<number>`count(${surveyResponses.id})::int`,
      invited,
      lastAnswerAt: sql`max(${surveyResponses.submittedAt})`.mapWith(surveyResponses.submittedAt),
    })
    .from(surveyResponses)
    .innerJoin(trainingSessions, eq(trainingSessions.id, surveyResponses.sessionId))
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .where(and(eq(surveyResponses.level, 1), eq(trainingSessions.directorId, directorId)))
    .groupBy(trainingSessions.id, activities.title)
    .having(sql`max(${surveyResponses.submittedAt}) >= ${since.toISOString()}::timestamptz`)
    .orderBy(sql`max(${surveyResponses.submittedAt}) desc`)
    .limit(5);
}
