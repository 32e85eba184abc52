import type { Quota, Session, SessionStatus, SessionSummary } from '../../../contract/sessions.js';
import { kindOf } from '../../../domain/activity-kinds.js';
import { seatsOf } from '../../../domain/seats.js';
import { allowedTransitions } from '../../../domain/session-lifecycle.js';
import { workingDaysBetween } from '../../../domain/venue-calendar.js';
import type { Actor } from '../../http/actor.js';
import { presentVenue } from '../venues/presenters.js';
import type { JoinedSession } from './queries.js';

/** All quotas count for the seats; a nation-scoped reader sees only their own nation's. */
export function presentSessionSummary(
  row: JoinedSession,
  quotas: readonly Quota[],
  actor: Actor,
): SessionSummary {
  const { session, activity, venue } = row;
  const scope = actor.scope;
  return {
    id: session.id,
    code: session.code,
    activityId: activity.id,
    activityCode: activity.code,
    activityTitle: activity.title,
    activityType: activity.type as SessionSummary['activityType'],
    activityKind: kindOf(activity.type as SessionSummary['activityType']),
    disciplineCode: activity.disciplineCode,
    delivery: activity.delivery as SessionSummary['delivery'],
    startDate: session.startDate,
    endDate: session.endDate,
    venueCode: venue.code,
    venueName: venue.name,
    timeZone: venue.timeZone,
    status: session.status as SessionStatus,
    nominationOpens: session.nominationOpens,
    nominationCloses: session.nominationCloses,
    nominationDeadline: session.nominationDeadline.toISOString(),
    seats: seatsOf(session.capacity, quotas, session.seatsTaken),
    myQuota:
      scope.kind === 'nation'
        ? (quotas.find((q) => q.nationCode === scope.nationCode)?.seats ?? 0)
        : null,
    hostNation: row.hostNation,
  };
}

export interface SessionPeople {
  directorName: string | null;
  instructors: { id: string; displayName: string }[];
}

export function presentSession(
  row: JoinedSession,
  quotas: readonly Quota[],
  people: SessionPeople,
  actor: Actor,
): Session {
  const { session, venue } = row;
  const scope = actor.scope;
  const status = session.status as SessionStatus;
  return {
    ...presentSessionSummary(row, quotas, actor),
    venue: presentVenue(venue),
    workingDays: workingDaysBetween(
      session.startDate,
      session.endDate,
      venue.workingDays,
      venue.holidays,
    ),
    quotaReleaseOn: session.quotaReleaseOn,
    quotas: quotas
      .filter((q) => scope.kind === 'all' || q.nationCode === scope.nationCode)
      .map((q) => ({ nationCode: q.nationCode, seats: q.seats })),
    directorId: session.directorId,
    directorName: people.directorName,
    instructors: people.instructors,
    language: session.language,
    notes: session.notes,
    joiningInstructions: session.joiningInstructions,
    cancelReason: session.cancelReason,
    promotionPaused: session.promotionPaused,
    // Only those who may move a session are offered the moves.
    allowedTransitions: actor.permissions.has('sessions.manage')
      ? [...allowedTransitions(status)]
      : [],
    updatedAt: session.updatedAt.toISOString(),
  };
}
