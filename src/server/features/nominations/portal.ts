import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { ActivityType } from '../../../contract/catalogue.js';
import type { MyTraining, NationPortal } from '../../../contract/nominations.js';
import { rulesOfType } from '../../../domain/activity-kinds.js';
import { dateIn } from '../../../domain/venue-calendar.js';
import {
  activities,
  nominationLogistics,
  nominations,
  participants,
  sessionQuotas,
  trainingSessions,
  venues,
} from '../../db/schema/index.js';
import { forbidden } from '../../http/errors.js';
import type { ServiceContext } from '../context.js';
import { visibleSessions } from '../sessions/queries.js';
import { presentNominationSummary } from './presenters.js';
import * as q from './queries.js';

const WEEK_MS = 7 * 24 * 3600 * 1000;

const personNames = {
  familyNameLatin: participants.familyNameLatin,
  givenNamesLatin: participants.givenNamesLatin,
  familyNameArabic: participants.familyNameArabic,
  givenNamesArabic: participants.givenNamesArabic,
};

interface PersonNames {
  familyNameLatin: string;
  givenNamesLatin: string;
  familyNameArabic: string | null;
  givenNamesArabic: string | null;
}

/** The name an action line shows: "Al-Mutairi, Fahad", and the Arabic one when there is one. */
function nameOf(p: PersonNames): { latin: string; arabic: string | null } {
  const arabic = [p.givenNamesArabic, p.familyNameArabic].filter(Boolean).join(' ');
  return { latin: `${p.familyNameLatin}, ${p.givenNamesLatin}`, arabic: arabic || null };
}

/**
 * "My nation" at a glance: sessions open to the nation with its quota and how much of it is
 * used (or that the centre gives seats there by invitation), its nominations by state, the
 * centre's invitations awaiting its answer or accepted, and what needs doing now.
 */
export async function nationPortal(ctx: ServiceContext, now = new Date()): Promise<NationPortal> {
  if (ctx.actor.scope.kind !== 'nation') throw forbidden();
  const { nationCode } = ctx.actor.scope;
  const db = ctx.tx;
  const ownNominations = and(
    eq(nominations.sessionId, trainingSessions.id),
    eq(nominations.nationCode, nationCode),
  );
  const open = await db
    .select({
      code: trainingSessions.code,
      activityTitle: activities.title,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      nominationOpens: trainingSessions.nominationOpens,
      timeZone: venues.timeZone,
      nominationDeadline: trainingSessions.nominationDeadline,
      activityType: activities.type,
      quota: sql<number>`coalesce(${sessionQuotas.seats}, 0)`,
      selected: sql<number>`(select count(*)::int from ${nominations} where ${ownNominations} and ${nominations.status} = 'selected')`,
      pending: sql<number>`(select count(*)::int from ${nominations} where ${ownNominations} and ${nominations.status} in ('draft', 'proposed', 'submitted', 'waitlisted'))`,
      invited: sql<number>`(select count(*)::int from ${nominations} where ${ownNominations} and ${nominations.status} = 'invited')`,
    })
    .from(trainingSessions)
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .leftJoin(
      sessionQuotas,
      and(
        eq(sessionQuotas.sessionId, trainingSessions.id),
        eq(sessionQuotas.nationCode, nationCode),
      ),
    )
    .where(
      and(
        visibleSessions(ctx.actor.scope),
        eq(trainingSessions.status, 'announced'),
        gte(trainingSessions.nominationDeadline, now),
      ),
    )
    .orderBy(asc(trainingSessions.nominationDeadline))
    .limit(100);
  const openSessions = open
    .filter((s) => dateIn(now, s.timeZone) >= s.nominationOpens)
    .map((s) => ({ ...s, seats: rulesOfType(s.activityType as ActivityType).seats }));

  const counts = await db
    .select({ status: nominations.status, count: sql<number>`count(*)::int` })
    .from(nominations)
    .where(eq(nominations.nationCode, nationCode))
    .groupBy(nominations.status);

  const proposals = await db
    .select({
      id: nominations.id,
      code: trainingSessions.code,
      deadline: trainingSessions.nominationDeadline,
      ...personNames,
    })
    .from(nominations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .where(and(eq(nominations.nationCode, nationCode), eq(nominations.status, 'proposed')))
    .orderBy(asc(trainingSessions.nominationDeadline))
    .limit(50);
  const invitations = await nationInvitations(ctx, nationCode, now);
  const missingLogistics = await db
    .select({
      id: nominations.id,
      code: trainingSessions.code,
      start: trainingSessions.startDate,
      ...personNames,
    })
    .from(nominations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .leftJoin(nominationLogistics, eq(nominationLogistics.nominationId, nominations.id))
    .where(
      and(
        eq(nominations.nationCode, nationCode),
        eq(nominations.status, 'selected'),
        isNull(nominationLogistics.nominationId),
        gte(trainingSessions.startDate, dateIn(now, 'UTC')),
      ),
    )
    .orderBy(asc(trainingSessions.startDate))
    .limit(50);

  return {
    nationCode,
    openSessions: openSessions.map((s) => ({
      code: s.code,
      activityTitle: s.activityTitle,
      startDate: s.startDate,
      endDate: s.endDate,
      nominationDeadline: s.nominationDeadline.toISOString(),
      quota: s.quota,
      selected: s.selected,
      pending: s.pending,
      seats: s.seats,
      invited: s.invited,
    })),
    countsByStatus: Object.fromEntries(counts.map((c) => [c.status, c.count])),
    invitations: invitations.counts,
    actions: [
      // A session by invitation has no nomination deadline to meet: its invitations are listed.
      ...openSessions
        .filter(
          (s) => s.seats === 'quota' && s.nominationDeadline.getTime() - now.getTime() <= WEEK_MS,
        )
        .map((s) => ({
          kind: 'deadline' as const,
          sessionCode: s.code,
          nominationId: null,
          due: s.nominationDeadline.toISOString(),
          participantName: null,
        })),
      ...proposals.map((p) => ({
        kind: 'proposal' as const,
        sessionCode: p.code,
        nominationId: p.id,
        due: p.deadline.toISOString(),
        participantName: nameOf(p),
      })),
      ...invitations.waiting.map((i) => ({
        kind: 'invitation' as const,
        sessionCode: i.code,
        nominationId: i.id,
        due: `${i.start}T00:00:00.000Z`,
        participantName: nameOf(i),
      })),
      ...missingLogistics.map((m) => ({
        kind: 'logistics' as const,
        sessionCode: m.code,
        nominationId: m.id,
        due: `${m.start}T00:00:00.000Z`,
        participantName: nameOf(m),
      })),
    ],
  };
}

/**
 * The nation's invitations by name on sessions to come: how many wait for its answer and how
 * many it accepted, and the first of those waiting, soonest session first, for the action list.
 */
async function nationInvitations(ctx: ServiceContext, nationCode: string, now: Date) {
  const today = dateIn(now, 'UTC');
  const invited = and(eq(nominations.nationCode, nationCode), isNotNull(nominations.invitedAt));
  const [counts] = await ctx.tx
    .select({
      pending: sql<number>`count(*) filter (where ${nominations.status} = 'invited')::int`,
      accepted: sql<number>`count(*) filter (where ${nominations.status} = 'selected')::int`,
    })
    .from(nominations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .where(and(invited, gte(trainingSessions.endDate, today)));
  const waiting = await ctx.tx
    .select({
      id: nominations.id,
      code: trainingSessions.code,
      start: trainingSessions.startDate,
      ...personNames,
    })
    .from(nominations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .where(and(invited, eq(nominations.status, 'invited'), gte(trainingSessions.startDate, today)))
    .orderBy(asc(trainingSessions.startDate), asc(participants.familyNameLatin))
    .limit(50);
  return { counts: counts ?? { pending: 0, accepted: 0 }, waiting };
}

/** The participant's own page: their nominations, and joining instructions once selected. */
export async function myTraining(ctx: ServiceContext): Promise<MyTraining> {
  const [person] = await ctx.tx
    .select({ id: participants.id })
    .from(participants)
    .where(eq(participants.userId, ctx.actor.id));
  if (!person) return { participantId: null, nominations: [] };
  const ids = await ctx.tx
    .select({ id: nominations.id })
    .from(nominations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .where(eq(nominations.participantId, person.id))
    .orderBy(desc(trainingSessions.startDate))
    .limit(100);
  const items: MyTraining['nominations'] = [];
  for (const { id } of ids) {
    const row = await q.selectNomination(ctx.tx, null, id);
    if (!row) continue;
    const [extra] = await ctx.tx
      .select({ instructions: trainingSessions.joiningInstructions })
      .from(trainingSessions)
      .where(inArray(trainingSessions.id, [row.session.id]));
    items.push({
      ...presentNominationSummary(row, ctx.actor),
      venueName: row.venue.name,
      joiningInstructions:
        row.nomination.status === 'selected' ? (extra?.instructions ?? null) : null,
    });
  }
  return { participantId: person.id, nominations: items };
}
