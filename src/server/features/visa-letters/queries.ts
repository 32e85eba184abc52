import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { NationScope } from '../../../domain/access.js';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  institutions,
  nations,
  nominationLogistics,
  nominations,
  participants,
  trainingSessions,
  venues,
  visaLetters,
} from '../../db/schema/index.js';

export type VisaLetterRow = typeof visaLetters.$inferSelect;

const inScope = (scope: NationScope) =>
  scope.kind === 'nation' ? eq(nominations.nationCode, scope.nationCode) : undefined;

/**
 * Selected nominations with everything a letter prints: the participant, their nation's name,
 * the passport number from logistics, the session, its activity and venue. `nominationId`
 * narrows to one; `lock` holds the nominations, so two issuers cannot both issue one letter.
 */
export async function selectLetterSubjects(
  db: DbOrTx,
  where: { sessionId?: string; nominationId?: string; scope: NationScope },
  lock = false,
) {
  const query = db
    .select({
      nominationId: nominations.id,
      nominationStatus: nominations.status,
      nationCode: nominations.nationCode,
      nationName: nations.name,
      participant: {
        givenNamesLatin: participants.givenNamesLatin,
        familyNameLatin: participants.familyNameLatin,
        givenNamesArabic: participants.givenNamesArabic,
        familyNameArabic: participants.familyNameArabic,
        rankTitle: participants.rankTitle,
        dateOfBirth: participants.dateOfBirth,
      },
      passportNumber: nominationLogistics.passportNumber,
      visaLetterRequested: nominationLogistics.visaLetterRequested,
      session: {
        id: trainingSessions.id,
        code: trainingSessions.code,
        startDate: trainingSessions.startDate,
        endDate: trainingSessions.endDate,
        language: trainingSessions.language,
      },
      activity: { code: activities.code, title: activities.title },
      venue: { name: venues.name, timeZone: venues.timeZone },
    })
    .from(nominations)
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .innerJoin(nations, eq(nations.code, nominations.nationCode))
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .leftJoin(nominationLogistics, eq(nominationLogistics.nominationId, nominations.id))
    .where(
      and(
        where.sessionId ? eq(nominations.sessionId, where.sessionId) : undefined,
        where.nominationId ? eq(nominations.id, where.nominationId) : undefined,
        inScope(where.scope),
      ),
    )
    .orderBy(
      asc(nominations.nationCode),
      asc(sql`lower(${participants.familyNameLatin})`),
      asc(nominations.id),
    );
  return lock ? query.for('update', { of: nominations }) : query;
}

export type LetterSubject = Awaited<ReturnType<typeof selectLetterSubjects>>[number];

/** The centre on the letterhead: the host institution, its city and its country's names. */
export async function selectLetterhead(db: DbOrTx) {
  const [row] = await db
    .select({ name: institutions.name, city: institutions.city, country: nations.name })
    .from(institutions)
    .leftJoin(nations, eq(nations.code, institutions.countryCode))
    .orderBy(desc(institutions.host), asc(institutions.code))
    .limit(1);
  return row;
}

/** The live letters of a session inside the scope. */
export async function selectLiveLetters(db: DbOrTx, sessionId: string, scope: NationScope) {
  return db
    .select()
    .from(visaLetters)
    .where(
      and(
        eq(visaLetters.sessionId, sessionId),
        isNull(visaLetters.revokedAt),
        scope.kind === 'nation' ? eq(visaLetters.nationCode, scope.nationCode) : undefined,
      ),
    );
}

export async function selectLiveLetterOf(db: DbOrTx, nominationId: string) {
  const [row] = await db
    .select()
    .from(visaLetters)
    .where(and(eq(visaLetters.nominationId, nominationId), isNull(visaLetters.revokedAt)));
  return row;
}

/** One letter inside the scope: another nation's is not found. */
export async function selectLetter(db: DbOrTx, id: string, scope: NationScope) {
  const [row] = await db
    .select()
    .from(visaLetters)
    .where(
      and(
        eq(visaLetters.id, id),
        scope.kind === 'nation' ? eq(visaLetters.nationCode, scope.nationCode) : undefined,
      ),
    );
  return row;
}

/** Only for lookups by id from the public: the row or nothing. */
export async function selectLetterById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(visaLetters).where(eq(visaLetters.id, id));
  return row;
}

export async function insertLetter(db: DbOrTx, values: typeof visaLetters.$inferInsert) {
  const [row] = await db.insert(visaLetters).values(values).returning();
  if (!row) throw new Error('visa letter insert returned nothing');
  return row;
}

export async function markLetterRevoked(db: DbOrTx, id: string, by: string, reason: string) {
  const [row] = await db
    .update(visaLetters)
    .set({ revokedAt: new Date(), revokedBy: by, revokeReason: reason })
    .where(and(eq(visaLetters.id, id), isNull(visaLetters.revokedAt)))
    .returning();
  return row;
}
