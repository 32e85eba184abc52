import { and, desc, eq, sql } from 'drizzle-orm';
import type { ResultStatus } from '../../../contract/delivery.js';
import type { ParticipantHome } from '../../../contract/home.js';
import { dateIn } from '../../../domain/venue-calendar.js';
import {
  activities,
  certificates,
  nominations,
  participantResults,
  participants,
  trainingSessions,
  venues,
} from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';

/** A participant's record: the newest certificate of a nomination, the valid one first. */
const certificateOf = sql<string | null>`(select c.id || '|' || (c.revoked_at is not null)::text
    from ${certificates} c where c.nomination_id = ${nominations.id}
   order by (c.revoked_at is null) desc, c.issued_at desc limit 1)`;

/**
 * The signed-in participant's own record, as their home tells it. A session is over when it is
 * completed, or its last day has passed at its venue; until then it is to come (running when it
 * has begun there). Only selected nominations are training taken or to take.
 */
export async function participantHome(
  ctx: ServiceContext,
  now = new Date(),
): Promise<ParticipantHome> {
  const empty = { upcoming: [], past: [], certificates: { valid: 0, revoked: 0 } };
  const [person] = await ctx.tx
    .select({ id: participants.id })
    .from(participants)
    .where(eq(participants.userId, ctx.actor.id));
  if (!person) return { participantId: null, ...empty };
  const rows = await ctx.tx
    .select({
      nominationId: nominations.id,
      code: trainingSessions.code,
      activityTitle: activities.title,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      status: trainingSessions.status,
      venueName: venues.name,
      timeZone: venues.timeZone,
      joiningInstructions: trainingSessions.joiningInstructions,
      result: participantResults.status,
      certificate: certificateOf,
    })
    .from(nominations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .leftJoin(participantResults, eq(participantResults.nominationId, nominations.id))
    .where(and(eq(nominations.participantId, person.id), eq(nominations.status, 'selected')))
    .orderBy(desc(trainingSessions.startDate))
    .limit(200);

  const upcoming: ParticipantHome['upcoming'] = [];
  const past: ParticipantHome['past'] = [];
  const counts = { valid: 0, revoked: 0 };
  for (const row of rows) {
    const today = dateIn(now, row.timeZone);
    const [id, revoked] = row.certificate?.split('|') ?? [];
    const certificate = id ? { id, revoked: revoked === 'true' } : null;
    if (certificate) counts[certificate.revoked ? 'revoked' : 'valid'] += 1;
    // A cancelled session was never held: it is neither to come nor taken.
    if (row.status === 'cancelled') continue;
    if (row.status === 'completed' || row.endDate < today) {
      past.push({
        nominationId: row.nominationId,
        code: row.code,
        activityTitle: row.activityTitle,
        startDate: row.startDate,
        endDate: row.endDate,
        result: row.result as ResultStatus | null,
        certificate,
      });
      continue;
    }
    upcoming.push({
      nominationId: row.nominationId,
      code: row.code,
      activityTitle: row.activityTitle,
      startDate: row.startDate,
      endDate: row.endDate,
      status: row.status,
      venueName: row.venueName,
      timeZone: row.timeZone,
      today,
      running: row.startDate <= today,
      joiningInstructions: row.joiningInstructions ?? null,
    });
  }
  upcoming.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.code.localeCompare(b.code));
  return { participantId: person.id, upcoming, past, certificates: counts };
}
