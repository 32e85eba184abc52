import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { AttendanceStatus, ResultStatus } from '../../../contract/delivery.js';
import type { MyAttendance } from '../../../contract/results.js';
import { workingDaysBetween } from '../../../domain/venue-calendar.js';
import {
  activities,
  attendanceMarks,
  nominations,
  participants,
  sessionDelivery,
  trainingSessions,
  venues,
} from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';
import { marksByNomination, tally } from './presenters.js';

/**
 * The signed-in participant's own marks on every session they held a seat on once it is
 * under way, newest first. The confirmed result shows once the results are closed or the
 * session is completed, so a participant does not read a status still being settled.
 */
export async function myAttendance(ctx: ServiceContext): Promise<MyAttendance> {
  const [person] = await ctx.tx
    .select({ id: participants.id })
    .from(participants)
    .where(eq(participants.userId, ctx.actor.id));
  if (!person) return { participantId: null, sessions: [] };
  const heldSeat = sql`exists (select 1 from nomination_events e where e.nomination_id = ${nominations.id} and e.from_status = 'selected')`;
  const rows = await ctx.tx
    .select({
      nominationId: nominations.id,
      result: nominations.result,
      code: trainingSessions.code,
      title: activities.title,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      workingWeek: venues.workingDays,
      holidays: venues.holidays,
      closedAt: sessionDelivery.resultsClosedAt,
      sessionStatus: trainingSessions.status,
    })
    .from(nominations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .leftJoin(sessionDelivery, eq(sessionDelivery.sessionId, trainingSessions.id))
    .where(
      and(
        eq(nominations.participantId, person.id),
        or(eq(nominations.status, 'selected'), and(eq(nominations.status, 'withdrawn'), heldSeat)),
        inArray(trainingSessions.status, ['in-progress', 'completed']),
      ),
    )
    .orderBy(desc(trainingSessions.startDate))
    .limit(100);
  if (rows.length === 0) return { participantId: person.id, sessions: [] };
  const marks = await ctx.tx
    .select({
      nominationId: attendanceMarks.nominationId,
      day: attendanceMarks.day,
      status: attendanceMarks.status,
    })
    .from(attendanceMarks)
    .where(
      inArray(
        attendanceMarks.nominationId,
        rows.map((r) => r.nominationId),
      ),
    );
  return {
    participantId: person.id,
    sessions: rows.map((row) => {
      const days = workingDaysBetween(row.startDate, row.endDate, row.workingWeek, row.holidays);
      const own = marksByNomination(marks, days).get(row.nominationId);
      return {
        nominationId: row.nominationId,
        sessionCode: row.code,
        activityTitle: row.title,
        startDate: row.startDate,
        endDate: row.endDate,
        days: days.map((day) => ({ day, status: (own?.get(day) as AttendanceStatus) ?? null })),
        summary: tally(own, days.length),
        result:
          row.closedAt || row.sessionStatus === 'completed'
            ? ((row.result as ResultStatus | null) ?? null)
            : null,
      };
    }),
  };
}
