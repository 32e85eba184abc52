import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { ActivityType } from '../../contract/catalogue.js';
import type { AttendanceStatus, ResultStatus } from '../../contract/delivery.js';
import { rulesOfType } from '../../domain/activity-kinds.js';
import { DEFAULT_COMPLETION_PERCENT, proposeResult } from '../../domain/completion.js';
import { addDays, workingDaysBetween } from '../../domain/venue-calendar.js';
import type { Tx } from '../db/client.js';
import {
  activities,
  attendanceMarks,
  nominations,
  participantResults,
  sessionDelivery,
  trainingSessions,
  venues,
} from '../db/schema/index.js';

/** Rows per insert: well under PostgreSQL's 65,535 bind parameters at seven columns a mark. */
const CHUNK = 2_000;

type Mark = typeof attendanceMarks.$inferInsert;

/**
 * A day-by-day roster that proposes `result` under the session's rule, varied by `serial` so
 * the history is not uniformly perfect: some who completed missed a day or were excused one.
 */
export function demoMarks(result: string, days: number, serial: number): AttendanceStatus[] {
  if (result === 'no-show') return Array.from({ length: days }, () => 'absent');
  if (result === 'partially-attended') {
    // Present on under half the days (one at the least): below the default rule.
    const present = Math.max(1, Math.ceil(days / 2) - 1);
    return Array.from({ length: days }, (_, i) => (i < present ? 'present' : 'absent'));
  }
  const marks: AttendanceStatus[] = Array.from({ length: days }, () => 'present');
  const middle = Math.floor(days / 2);
  const oneAbsence = (days - 1) * 100 >= DEFAULT_COMPLETION_PERCENT * days;
  if (serial % 5 === 1 && oneAbsence) marks[middle] = 'absent';
  else if (serial % 5 === 3 && days > 1) marks[middle] = 'excused';
  return marks;
}

/** Level-2 test scores that rise from the pre-test to the post-test, two decimals as stored. */
function demoScores(serial: number) {
  const pre = 40 + ((serial * 13) % 31);
  const post = Math.min(pre + 12 + ((serial * 7) % 21), 100);
  return { preTestScore: pre.toFixed(2), postTestScore: post.toFixed(2) };
}

const at = (day: string, time: string, now: Date) => {
  const instant = new Date(`${day}T${time}Z`);
  return instant < now ? instant : now;
};

/**
 * Past sessions as their course director left them: for every completed session whose
 * selected nominations carry a result, the roster of each working day, the confirmed results
 * (with level-2 scores where the course uses them) and the results closed two days after the
 * end. The marks propose exactly the recorded result, so the results page, the certificates
 * and training history agree. A few bulk inserts; nothing is written twice on a rerun.
 */
export async function loadDemoHistory(tx: Tx, now: Date): Promise<void> {
  const rows = await tx
    .select({
      sessionId: trainingSessions.id,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      directorId: trainingSessions.directorId,
      workingWeek: venues.workingDays,
      holidays: venues.holidays,
      levels: activities.evaluationLevels,
      type: activities.type,
      nominationId: nominations.id,
      result: nominations.result,
    })
    .from(nominations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .where(
      and(
        eq(trainingSessions.status, 'completed'),
        eq(nominations.status, 'selected'),
        isNotNull(nominations.result),
      ),
    )
    .orderBy(asc(trainingSessions.startDate), asc(nominations.id));

  const marks: Mark[] = [];
  const results: (typeof participantResults.$inferInsert)[] = [];
  const closed = new Map<string, typeof sessionDelivery.$inferInsert>();
  const calendars = new Map<string, string[]>();
  for (const [serial, row] of rows.entries()) {
    const result = row.result as ResultStatus;
    let days = calendars.get(row.sessionId);
    if (!days) {
      days = workingDaysBetween(row.startDate, row.endDate, row.workingWeek, row.holidays);
      calendars.set(row.sessionId, days);
    }
    const statuses = demoMarks(result, days.length, serial);
    days.forEach((day, i) => {
      marks.push({
        nominationId: row.nominationId,
        day,
        status: statuses[i] as AttendanceStatus,
        source: 'roster',
        markedBy: row.directorId,
        markedAt: at(day, '06:00:00', now),
      });
    });
    const count = (status: AttendanceStatus) => statuses.filter((s) => s === status).length;
    const proposal = proposeResult({
      attendance: {
        days: days.length,
        present: count('present'),
        absent: count('absent'),
        excused: count('excused'),
      },
      completionPercent: DEFAULT_COMPLETION_PERCENT,
      nominationStatus: 'selected',
    });
    // Failing is the director's judgement over a full attendance; the rest the marks propose.
    if (!proposal || (result !== 'failed' && proposal.status !== result)) {
      throw new Error(`demo attendance proposes ${proposal?.status ?? 'nothing'}, not ${result}`);
    }
    const confirmedAt = at(row.endDate, '13:00:00', now);
    const attended = result !== 'no-show' && row.levels.includes(2);
    // An event or an exercise is attended, not graded: its roster is all it keeps.
    if (rulesOfType(row.type as ActivityType).results)
      results.push({
        nominationId: row.nominationId,
        proposedStatus: proposal.status,
        status: result,
        ...(attended ? demoScores(serial) : {}),
        confirmedBy: row.directorId,
        confirmedAt,
        updatedAt: confirmedAt,
      });
    if (!closed.has(row.sessionId)) {
      const closedAt = at(addDays(row.endDate, 2), '10:00:00', now);
      closed.set(row.sessionId, {
        sessionId: row.sessionId,
        completionPercent: DEFAULT_COMPLETION_PERCENT,
        resultsClosedAt: closedAt,
        resultsClosedBy: row.directorId,
        updatedAt: closedAt,
      });
    }
  }

  for (let i = 0; i < marks.length; i += CHUNK) {
    await tx
      .insert(attendanceMarks)
      .values(marks.slice(i, i + CHUNK))
      .onConflictDoNothing();
  }
  if (results.length > 0) {
    await tx.insert(participantResults).values(results).onConflictDoNothing();
  }
  if (closed.size > 0) {
    // An event marked completed was closed then; the demo dates it as its director did.
    await tx
      .insert(sessionDelivery)
      .values([...closed.values()])
      .onConflictDoUpdate({
        target: sessionDelivery.sessionId,
        set: {
          resultsClosedAt: sql`excluded.results_closed_at`,
          resultsClosedBy: sql`excluded.results_closed_by`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
}
