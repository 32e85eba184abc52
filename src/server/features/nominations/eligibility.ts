import { eq, sql } from 'drizzle-orm';
import type { Prerequisites } from '../../../contract/catalogue.js';
import type { Eligibility, NominationStatus } from '../../../contract/nominations.js';
import { type ClearanceLevel, evaluateEligibility } from '../../../domain/eligibility.js';
import { dateIn } from '../../../domain/venue-calendar.js';
import type { DbOrTx } from '../../db/client.js';
import { preparedStatement } from '../../db/prepared.js';
import { activities, trainingSessions, venues } from '../../db/schema/index.js';
import * as q from './queries.js';

/** What the rules need to know about a session, loaded once per request. */
export interface SessionFacts {
  id: string;
  activityId: string;
  code: string;
  status: string;
  startDate: string;
  endDate: string;
  nominationOpens: string;
  nominationCloses: string;
  nominationDeadline: Date;
  directorId: string | null;
  timeZone: string;
  prerequisites: Prerequisites;
  activityTitle: { en: string; fr?: string; ar?: string };
  venueName: { en: string; fr?: string; ar?: string };
  joiningInstructions: { en: string; fr?: string; ar?: string } | null;
  language: string;
  /** The SEQUENCE its calendar invitations carry now. */
  calendarSequence: number;
}

const sessionFacts = preparedStatement((db) =>
  db
    .select({
      id: trainingSessions.id,
      activityId: trainingSessions.activityId,
      code: trainingSessions.code,
      status: trainingSessions.status,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      nominationOpens: trainingSessions.nominationOpens,
      nominationCloses: trainingSessions.nominationCloses,
      nominationDeadline: trainingSessions.nominationDeadline,
      directorId: trainingSessions.directorId,
      timeZone: venues.timeZone,
      prerequisites: activities.prerequisites,
      activityTitle: activities.title,
      venueName: venues.name,
      joiningInstructions: trainingSessions.joiningInstructions,
      language: trainingSessions.language,
      calendarSequence: trainingSessions.calendarSequence,
    })
    .from(trainingSessions)
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .where(eq(trainingSessions.id, sql.placeholder('sessionId')))
    .prepare('rabita_session_facts'),
);

export async function selectSessionFacts(db: DbOrTx, sessionId: string): Promise<SessionFacts> {
  const [row] = await sessionFacts(db, { sessionId });
  if (!row) throw new Error(`session ${sessionId} vanished`);
  return row;
}

/** Nominations are taken while the session is announced, from the opening day to the deadline. */
export function isTakingNominations(session: SessionFacts, now: Date): boolean {
  return (
    session.status === 'announced' &&
    dateIn(now, session.timeZone) >= session.nominationOpens &&
    now.getTime() <= session.nominationDeadline.getTime()
  );
}

/**
 * Gathers a person's facts (completed courses, overlapping nominations) and runs the rules.
 * Releasability is true here: a session the nation may not see is a 404 before this runs.
 */
export async function eligibilityOf(
  db: DbOrTx,
  session: SessionFacts,
  person: q.ParticipantRow,
  now: Date,
): Promise<Eligibility> {
  const completed = await q.selectCompletedActivityCodes(db, person.id);
  const overlapping = await q.selectOverlapping(
    db,
    person.id,
    session.id,
    session.startDate,
    session.endDate,
  );
  return evaluateEligibility({
    person: {
      rankCode: person.rankCode,
      languageProfiles: person.languageProfiles,
      clearanceLevel: person.clearanceLevel as ClearanceLevel,
      clearanceExpiresOn: person.clearanceExpiresOn,
    },
    prerequisites: session.prerequisites,
    sessionStartDate: session.startDate,
    sessionEndDate: session.endDate,
    today: dateIn(now, session.timeZone),
    window: { opens: session.nominationOpens, closes: session.nominationCloses },
    releasable: true,
    completedActivityCodes: completed,
    overlapping: overlapping.map((o) => ({
      sessionCode: o.sessionCode,
      status: o.status as NominationStatus,
    })),
  });
}
