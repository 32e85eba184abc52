import { eq } from 'drizzle-orm';
import { call, type Session, type TestApp } from '../../../../test/support/app.js';
import type { Prerequisites } from '../../../contract/catalogue.js';
import { SessionInput } from '../../../contract/sessions.js';
import { addDays, dateIn } from '../../../domain/venue-calendar.js';
import type { Database } from '../../db/client.js';
import { activities, participants } from '../../db/schema/index.js';
import { runDueJobs } from '../../jobs/run-due.js';
import { systemContext } from '../context.js';
import { createSession, transitionSession } from '../sessions/service.js';
import { makeActivity, sessionInput } from '../sessions/test-data.js';

/** Today in Kuwait, so that windows built around it are open whatever day the tests run. */
export function kuwaitToday(now = new Date()): string {
  return dateIn(now, 'Asia/Kuwait');
}

/**
 * An announced session in Kuwait whose nomination window is open now: it opened a week ago,
 * closes in a month, and the session starts two months from today (or `startsIn` days) and
 * runs five days.
 */
export async function openSession(
  db: Database,
  code: string,
  activityCode: string,
  options: {
    capacity?: number;
    quotas?: { nationCode: string; seats: number }[];
    quotaReleaseOn?: string | null;
    opens?: string;
    closes?: string;
    directorId?: string | null;
    startsIn?: number;
  } = {},
): Promise<string> {
  const today = kuwaitToday();
  const start = addDays(today, options.startsIn ?? 60);
  return db.transaction(async (tx) => {
    const ctx = systemContext(tx, 'fixture');
    const session = await createSession(
      ctx,
      SessionInput.parse(
        sessionInput(code, activityCode, {
          startDate: start,
          endDate: addDays(start, 4),
          nominationOpens: options.opens ?? addDays(today, -7),
          nominationCloses: options.closes ?? addDays(today, 30),
          capacity: options.capacity ?? 20,
          quotas: options.quotas ?? [
            { nationCode: 'KWT', seats: 4 },
            { nationCode: 'QAT', seats: 3 },
          ],
          quotaReleaseOn: options.quotaReleaseOn ?? null,
          directorId: options.directorId ?? null,
        }),
      ),
    );
    await transitionSession(ctx, code, { to: 'announced' });
    return session.id;
  });
}

/** An activity with prerequisites, inserted directly. */
export async function makeActivityRequiring(
  db: Database,
  code: string,
  prerequisites: Partial<Prerequisites>,
): Promise<string> {
  const id = await makeActivity(db, code);
  await db
    .update(activities)
    .set({
      prerequisites: {
        rankMin: null,
        rankMax: null,
        civiliansAllowed: true,
        languages: [],
        clearance: 'NONE',
        courses: [],
        extra: null,
        ...prerequisites,
      },
    })
    .where(eq(activities.id, id));
  return id;
}

let counter = 0;

/** A person of a nation, inserted directly; override what the test is about. */
export async function makePerson(
  db: Database,
  nationCode: string,
  overrides: Partial<typeof participants.$inferInsert> = {},
): Promise<string> {
  counter += 1;
  const [row] = await db
    .insert(participants)
    .values({
      nationCode,
      familyNameLatin: `Family${counter}`,
      givenNamesLatin: `Given${counter}`,
      familyNameArabic: 'العلي',
      givenNamesArabic: 'سالم',
      rankCode: 'OF-3',
      rankTitle: 'Major',
      email: `person${counter}@${nationCode.toLowerCase()}.example`,
      languageProfiles: [{ language: 'en', profile: '3332' }],
      clearanceLevel: 'NS',
      clearanceExpiresOn: '2030-01-01',
      ...overrides,
    })
    .returning({ id: participants.id });
  if (!row) throw new Error('participant insert returned nothing');
  return row.id;
}

/** `count` new people of a nation, nominated and submitted to a session by `who`; their ids. */
export async function submitNominations(
  t: TestApp,
  who: Session,
  sessionCode: string,
  nationCode: string,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const participantId = await makePerson(t.db.db, nationCode);
    const created = await call(t.app, who, 'POST', '/api/v1/nominations', {
      sessionCode,
      participantId,
      submit: true,
    });
    if (created.statusCode !== 201) throw new Error(`nomination refused: ${created.body}`);
    ids.push(created.json<{ id: string }>().id);
  }
  return ids;
}

/** Runs the jobs the decisions so far queued (their notices and e-mails), as a worker would. */
export async function runQueuedJobs(t: TestApp): Promise<void> {
  await runDueJobs({ db: t.db.db, url: t.db.url });
}
