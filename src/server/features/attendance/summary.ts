import { and, eq, sql } from 'drizzle-orm';
import { workingDaysBetween } from '../../../domain/venue-calendar.js';
import type { DbOrTx } from '../../db/client.js';
import { attendanceMarks, nominations, trainingSessions, venues } from '../../db/schema/index.js';

/** One participant's attendance over a session: counts per status, out of `days` working days. */
export interface AttendanceTally {
  present: number;
  absent: number;
  excused: number;
  /** The session's working days (venue calendar): the denominator of any completion rule. */
  days: number;
}

/**
 * Attendance per nomination of a session: every selected nomination (zero counts when nobody
 * marked it yet) and any other nomination that still has marks (e.g. withdrawn mid-course).
 * Only marks on the session's working days count. Read-only; safe inside any transaction.
 */
export async function attendanceSummary(
  tx: DbOrTx,
  sessionId: string,
): Promise<Map<string, AttendanceTally>> {
  const [session] = await tx
    .select({
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      workingWeek: venues.workingDays,
      holidays: venues.holidays,
    })
    .from(trainingSessions)
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .where(eq(trainingSessions.id, sessionId));
  const result = new Map<string, AttendanceTally>();
  if (!session) return result;
  const workingDays = new Set(
    workingDaysBetween(session.startDate, session.endDate, session.workingWeek, session.holidays),
  );
  const empty = (): AttendanceTally => ({
    present: 0,
    absent: 0,
    excused: 0,
    days: workingDays.size,
  });

  const selected = await tx
    .select({ id: nominations.id })
    .from(nominations)
    .where(and(eq(nominations.sessionId, sessionId), eq(nominations.status, 'selected')));
  for (const { id } of selected) result.set(id, empty());

  const marks = await tx
    .select({
      nominationId: attendanceMarks.nominationId,
      day: attendanceMarks.day,
      status: attendanceMarks.status,
    })
    .from(attendanceMarks)
    .innerJoin(nominations, eq(nominations.id, attendanceMarks.nominationId))
    .where(eq(nominations.sessionId, sessionId))
    .orderBy(sql`${attendanceMarks.nominationId}`);
  for (const mark of marks) {
    if (!workingDays.has(mark.day)) continue;
    const tally = result.get(mark.nominationId) ?? empty();
    if (mark.status === 'present') tally.present += 1;
    else if (mark.status === 'absent') tally.absent += 1;
    else if (mark.status === 'excused') tally.excused += 1;
    result.set(mark.nominationId, tally);
  }
  return result;
}
