import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { activities, trainingSessions, venues } from '../../db/schema/index.js';

/** Sessions the public may see: announced or later, never a draft nor a cancelled one. */
export const PUBLIC_SESSION_STATUSES = [
  'announced',
  'nominations-closed',
  'confirmed',
  'in-progress',
  'completed',
] as const;

/**
 * The year's sessions of active activities marked for the public catalogue, with their
 * activity and venue; the only read behind the public page and PDF, so nothing else can leak.
 */
export function selectPublicSessions(db: DbOrTx, year: number) {
  return db
    .select({
      activity: {
        id: activities.id,
        code: activities.code,
        title: activities.title,
        description: activities.description,
        durationDays: activities.durationDays,
        delivery: activities.delivery,
        language: activities.language,
        prerequisites: activities.prerequisites,
      },
      session: {
        code: trainingSessions.code,
        startDate: trainingSessions.startDate,
        endDate: trainingSessions.endDate,
        language: trainingSessions.language,
      },
      venue: { name: venues.name, city: venues.city, countryCode: venues.countryCode },
    })
    .from(trainingSessions)
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .where(
      and(
        eq(activities.publicCatalogue, true),
        eq(activities.status, 'active'),
        inArray(trainingSessions.status, [...PUBLIC_SESSION_STATUSES]),
        gte(trainingSessions.startDate, `${year}-01-01`),
        lte(trainingSessions.startDate, `${year}-12-31`),
      ),
    )
    .orderBy(asc(activities.code), asc(trainingSessions.startDate), asc(trainingSessions.code));
}
