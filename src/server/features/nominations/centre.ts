import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import type { CentreAttention, CentreToday } from '../../../contract/nominations.js';
import {
  activities,
  nominations,
  outboxMessages,
  trainingSessions,
  venues,
} from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';
import { countFailedJobs } from '../jobs/queries.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * "Centre today": sessions running now or starting within two weeks, nomination windows that
 * close within a week, boards with nominations waiting for a decision, waitlists while seats are
 * free, and the outbox's state. Each session says why it is listed; dates are the venue's.
 */
export async function centreToday(ctx: ServiceContext, now = new Date()): Promise<CentreToday> {
  const today = sql`(${now.toISOString()}::timestamptz at time zone ${venues.timeZone})::date`;
  const counted = (status: string) =>
    sql<number>`(select count(*)::int from ${nominations} n where n.session_id = ${trainingSessions.id} and n.status = ${status})`;
  const rows = await ctx.tx
    .select({
      code: trainingSessions.code,
      activityTitle: activities.title,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      status: trainingSessions.status,
      venueName: venues.name,
      timeZone: venues.timeZone,
      nominationDeadline: trainingSessions.nominationDeadline,
      capacity: trainingSessions.capacity,
      seatsTaken: trainingSessions.seatsTaken,
      submitted: counted('submitted'),
      waitlisted: counted('waitlisted'),
      running: sql<boolean>`${trainingSessions.startDate} <= ${today} and ${trainingSessions.endDate} >= ${today}`,
      startingSoon: sql<boolean>`${trainingSessions.startDate} > ${today} and ${trainingSessions.startDate} <= ${today} + 14`,
    })
    .from(trainingSessions)
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .where(
      and(
        notInArray(trainingSessions.status, ['draft', 'cancelled', 'completed']),
        sql`${trainingSessions.endDate} >= ${today}`,
      ),
    )
    .orderBy(asc(trainingSessions.startDate), asc(trainingSessions.code));

  const sessions = rows.flatMap(({ running, startingSoon, ...row }) => {
    const attention: CentreAttention[] = [];
    if (running) attention.push('running');
    if (startingSoon) attention.push('starting-soon');
    const untilDeadline = row.nominationDeadline.getTime() - now.getTime();
    if (row.status === 'announced' && untilDeadline >= 0 && untilDeadline <= 7 * DAY_MS) {
      attention.push('window-closing');
    }
    if (row.submitted > 0) attention.push('awaiting-decision');
    if (row.waitlisted > 0 && row.seatsTaken < row.capacity) attention.push('waitlist-with-seats');
    if (attention.length === 0) return [];
    return [{ ...row, nominationDeadline: row.nominationDeadline.toISOString(), attention }];
  });

  const [outbox] = await ctx.tx
    .select({
      pending: sql<number>`count(*) filter (where ${outboxMessages.status} = 'pending')::int`,
      failed: sql<number>`count(*) filter (where ${outboxMessages.status} = 'failed')::int`,
    })
    .from(outboxMessages);
  return {
    sessions,
    outbox: { pending: outbox?.pending ?? 0, failed: outbox?.failed ?? 0 },
    failedJobs: await countFailedJobs(ctx.tx),
  };
}
