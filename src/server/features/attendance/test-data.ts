import { eq } from 'drizzle-orm';
import type { SessionInput } from '../../../contract/sessions.js';
import { addDays, dateIn } from '../../../domain/venue-calendar.js';
import type { Database } from '../../db/client.js';
import { sessionDelivery, trainingSessions } from '../../db/schema/index.js';
import { systemContext } from '../context.js';
import { createSession, transitionSession } from '../sessions/service.js';
import { sessionInput } from '../sessions/test-data.js';
import { createVenue } from '../venues/service.js';

/** The venue's today, so that sessions built around it run whatever day the tests run. */
export const venueToday = (): string => dateIn(new Date(), 'Asia/Kuwait');

export const EVERY_DAY_VENUE = 'KWI-FIELD';

/**
 * A field venue in Kuwait's time zone working every day of the week (so a test never lands on
 * a weekend), with one holiday two days before today.
 */
export async function seedFieldVenue(db: Database): Promise<void> {
  await db.transaction((tx) =>
    createVenue(systemContext(tx, 'seed'), {
      code: EVERY_DAY_VENUE,
      name: { en: 'Field training site' },
      kind: 'city',
      city: 'Kuwait City',
      countryCode: 'KWT',
      timeZone: 'Asia/Kuwait',
      workingDays: [0, 1, 2, 3, 4, 5, 6],
      holidays: [{ date: addDays(venueToday(), -2), name: { en: 'A public holiday' } }],
    }),
  );
}

/**
 * An in-progress session at the field venue from three days ago to two days ahead; returns
 * its id.
 */
export async function runningSession(
  db: Database,
  code: string,
  activityCode: string,
  overrides: Partial<SessionInput> = {},
): Promise<string> {
  const today = venueToday();
  await db.transaction(async (tx) => {
    const ctx = systemContext(tx, 'seed');
    await createSession(
      ctx,
      sessionInput(code, activityCode, {
        venueCode: EVERY_DAY_VENUE,
        startDate: addDays(today, -3),
        endDate: addDays(today, 2),
        nominationOpens: addDays(today, -60),
        nominationCloses: addDays(today, -20),
        // The tests run one director's sessions side by side on the same dates.
        confirmStaffConflicts: true,
        ...overrides,
      }),
    );
    for (const to of ['announced', 'nominations-closed', 'confirmed', 'in-progress'] as const) {
      await transitionSession(ctx, code, { to });
    }
  });
  const [row] = await db
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .where(eq(trainingSessions.code, code));
  if (!row) throw new Error(`no session ${code}`);
  return row.id;
}

/** Closes a session's results as the results feature would. */
export async function closeResults(db: Database, sessionId: string): Promise<void> {
  await db
    .insert(sessionDelivery)
    .values({ sessionId, resultsClosedAt: new Date() })
    .onConflictDoUpdate({
      target: sessionDelivery.sessionId,
      set: { resultsClosedAt: new Date() },
    });
}
