import type { MySessionsHome } from '../../../contract/home.js';
import { dateIn, workingDaysBetween } from '../../../domain/venue-calendar.js';
import type { ServiceContext } from '../context.js';
import * as q from './queries.js';

/** Sessions starting this many days ahead at their venue are "starting soon". */
export const HORIZON_DAYS = 14;
/** Evaluations answered within this many days are the ones still to read. */
export const SURVEYS_WITHIN_DAYS = 45;

/**
 * A course director's or instructor's day, only over the sessions they direct or teach:
 * what runs and starts soon, whose roster still misses today's marks, which ended session
 * waits for its results, and which level-1 evaluation has answers. Each "today" is the
 * session's venue's.
 */
export async function mySessionsHome(
  ctx: ServiceContext,
  now = new Date(),
): Promise<MySessionsHome> {
  const { actor } = ctx;
  const rows = await q.selectTeamSessions(ctx.tx, actor.id, now, HORIZON_DAYS);
  const sessions: MySessionsHome['sessions'] = [];
  const rostersToMark: MySessionsHome['rostersToMark'] = [];
  for (const row of rows) {
    const today = dateIn(now, row.timeZone);
    const running = row.startDate <= today;
    sessions.push({
      code: row.code,
      activityTitle: row.activityTitle,
      startDate: row.startDate,
      endDate: row.endDate,
      status: row.status,
      venueName: row.venueName,
      timeZone: row.timeZone,
      today,
      role: row.directorId === actor.id ? 'director' : 'instructor',
      running,
      participants: row.participants,
    });
    if (!running || row.resultsClosedAt || row.participants === 0) continue;
    const days = workingDaysBetween(row.startDate, row.endDate, row.workingDays, row.holidays);
    if (!days.includes(today)) continue;
    const marked = await q.countMarkedOn(ctx.tx, row.id, today);
    if (marked < row.participants) {
      rostersToMark.push({
        code: row.code,
        activityTitle: row.activityTitle,
        day: today,
        timeZone: row.timeZone,
        participants: row.participants,
        marked,
      });
    }
  }
  // Results are the director's to confirm (results feature, access.ts); instructors only mark.
  const confirmsResults = actor.permissions.has('results.manage');
  const readsSurveys = actor.permissions.has('surveys.results');
  const results = confirmsResults ? await q.selectResultsToConfirm(ctx.tx, actor.id, now) : [];
  const surveys = readsSurveys
    ? await q.selectAnsweredEvaluations(
        ctx.tx,
        actor.id,
        new Date(now.getTime() - SURVEYS_WITHIN_DAYS * 86_400_000),
      )
    : [];
  return {
    sessions,
    horizonDays: HORIZON_DAYS,
    rostersToMark,
    confirmsResults,
    resultsToConfirm: results,
    readsSurveys,
    surveysWithinDays: SURVEYS_WITHIN_DAYS,
    surveysToRead: surveys.map((s) => ({ ...s, lastAnswerAt: s.lastAnswerAt.toISOString() })),
  };
}
