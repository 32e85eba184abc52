import { eq, sql } from 'drizzle-orm';
import { addDays } from '../../src/domain/venue-calendar.js';
import type { Database } from '../../src/server/db/client.js';
import {
  certificates,
  outboxMessages,
  sessionInstructors,
  trainingSessions,
} from '../../src/server/db/schema/index.js';
import { kuwaitToday, openSession } from '../../src/server/features/nominations/test-fixtures.js';
import { makeActivity, seedSessionBasics } from '../../src/server/features/sessions/test-data.js';
import { sendDueSurveys } from '../../src/server/features/surveys/due-surveys.js';
import { endedSession, level1Template } from '../../src/server/features/surveys/test-fixtures.js';
import { enqueueJob } from '../../src/server/jobs/enqueue.js';
import { runDueJobs } from '../../src/server/jobs/run-due.js';
import type { TestApp } from './app.js';
import { type Caller, send, signInCallers } from './callers.js';
import { makeUser, seedPartners } from './factories.js';
import { ok, seedNationRecords } from './world-nation.js';

export const NATIONS = ['KWT', 'QAT'] as const;
export type NationCode = (typeof NATIONS)[number];

export const ACTIVITY = 'CT-MATRIX';
export const ENDED_SESSION = 'MX-DONE';
export const OPEN_SESSION = 'MX-OPEN';
export const SURVEY_TEMPLATE = 'MX-L1';

/** One nation's records: what its own callers see and no other nation's caller may. */
export interface NationRecords {
  /** An uploaded import of the nation's people, not yet checked. */
  importId: string;
  participantId: string;
  nominationId: string;
  certificateId: string;
  letterId: string;
  invitationId: string;
  programmeId: string;
  contactId: string;
  /** Text found only in this nation's records; a response to another nation must not hold it. */
  marker: string;
}

export interface World {
  t: TestApp;
  callers: Record<string, Caller>;
  nations: Record<NationCode, NationRecords>;
  /** A user no caller signs in as. */
  userId: string;
  outboxId: string;
  /** A queue job that used all its attempts. */
  failedJobId: string;
  calendarFile: string;
  /** The last day of the ended session, and its year. */
  sessionEnd: string;
  sessionYear: number;
}

/**
 * Two nations, Kuwait and Qatar, each with a person who completed a session (with an account,
 * a certificate, a survey answer and logistics), a point of contact and a programme; an open
 * session; and a signed-in caller for every role (see callers.ts).
 */
export async function buildWorld(t: TestApp): Promise<World> {
  const db = t.db.db;
  await seedPartners(db);
  await seedSessionBasics(db);
  const activityId = await makeActivity(db, ACTIVITY);
  const end = addDays(kuwaitToday(), -1);
  const { sessionId, attendees } = await endedSession(t, ENDED_SESSION, ACTIVITY, end, [
    { nationCode: 'KWT' },
    { nationCode: 'QAT' },
  ]);
  await openSession(db, OPEN_SESSION, ACTIVITY);
  const [kwtAttendee, qatAttendee] = attendees;
  if (!kwtAttendee || !qatAttendee) throw new Error('world: attendees missing');
  const callers = await signInCallers(t, {
    KWT: kwtAttendee.browser,
    QAT: qatAttendee.browser,
  });
  const staff = callers.registrar;
  const director = callers.course_director;
  const instructor = callers.instructor;
  if (!staff || !director || !instructor) throw new Error('world: staff callers missing');
  // endedSession seats its people from the open pool without counting them: count them, as a
  // selection would have, or withdrawing one would take the count below zero.
  await db
    .update(trainingSessions)
    .set({ directorId: director.userId, seatsTaken: attendees.length, poolTaken: attendees.length })
    .where(eq(trainingSessions.id, sessionId));
  await db.insert(sessionInstructors).values({ sessionId, userId: instructor.userId ?? '' });

  await ok(
    send(t.app, staff, 'POST', '/api/v1/surveys/templates', level1Template(SURVEY_TEMPLATE)),
    'template',
  );
  await ok(
    send(t.app, staff, 'PUT', `/api/v1/activities/${ACTIVITY}/surveys/1`, {
      templateCode: SURVEY_TEMPLATE,
    }),
    'activity survey',
  );
  await sendDueSurveys(db, new Date());

  const nations = {} as Record<NationCode, NationRecords>;
  for (const [nation, attendee, npoc] of [
    ['KWT', kwtAttendee, callers.npoc],
    ['QAT', qatAttendee, callers.npoc_qat],
  ] as const) {
    if (!npoc) throw new Error('world: npoc missing');
    nations[nation] = await seedNationRecords(t, { nation, attendee, npoc, staff, activityId });
  }

  // Edited, reset and deactivated by the tests as they please: no caller is this user.
  const spare = await makeUser(db, ['instructor']);
  const feed = await ok(send(t.app, staff, 'POST', '/api/v1/calendar/feed/rotate'), 'feed');
  // The news of the decisions above (notices, e-mails) is written by their jobs.
  await runDueJobs({ db, url: t.db.url });
  const failedJobId = await exhaustedJob(db);
  const [outbox] = await db.select({ id: outboxMessages.id }).from(outboxMessages).limit(1);
  if (!outbox || (await db.select().from(certificates)).length !== 2) {
    throw new Error('world: no outbox message or certificates');
  }
  return {
    t,
    callers,
    nations,
    userId: spare.id,
    outboxId: String(outbox.id),
    failedJobId: String(failedJobId),
    calendarFile: String(feed.url).split('/').at(-1) ?? '',
    sessionEnd: end,
    sessionYear: Number(end.slice(0, 4)),
  };
}

/** A job as the queue leaves it after its last failed attempt. */
async function exhaustedJob(db: Database): Promise<number> {
  await db.transaction((tx) => enqueueJob(tx, 'surveys.send-due', {}, { maxAttempts: 1 }));
  const { rows } = await db.execute<{ id: string }>(
    sql`update graphile_worker._private_jobs set attempts = 1, last_error = 'Error: test'
         where attempts = 0 and max_attempts = 1 returning id::text`,
  );
  return Number(rows[0]?.id);
}
