import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { NationScope } from '../../../domain/access.js';
import type { DbOrTx } from '../../db/client.js';
import {
  nations,
  nominationLogistics,
  nominations,
  participants,
  sessionInstructors,
  trainingSessions,
  users,
  venues,
} from '../../db/schema/index.js';

export type LogisticsRow = typeof nominationLogistics.$inferSelect;

/** A nation-scoped reader reaches only their own nation's nominations; others are not found. */
function ownNation(scope: NationScope): SQL | undefined {
  return scope.kind === 'nation' ? eq(nominations.nationCode, scope.nationCode) : undefined;
}

/**
 * One nomination the scope allows, with what deciding access needs: its status, the
 * participant's own account and the session's venue clock. `lock` holds the nomination (a
 * share lock) so that it cannot leave `selected` while its logistics are written.
 */
export async function selectNomination(db: DbOrTx, scope: NationScope, id: string, lock = false) {
  const query = db
    .select({
      id: nominations.id,
      status: nominations.status,
      nationCode: nominations.nationCode,
      participantUserId: participants.userId,
      sessionCode: trainingSessions.code,
      timeZone: venues.timeZone,
    })
    .from(nominations)
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .where(and(eq(nominations.id, id), ownNation(scope)));
  const [row] = await (lock ? query.for('share', { of: nominations }) : query);
  return row;
}

export type ScopedNomination = NonNullable<Awaited<ReturnType<typeof selectNomination>>>;

/** The stored logistics of a nomination and the name of who saved them last. */
export async function selectLogistics(db: DbOrTx, nominationId: string) {
  const [row] = await db
    .select({ logistics: nominationLogistics, updatedByName: users.displayName })
    .from(nominationLogistics)
    .leftJoin(users, eq(users.id, nominationLogistics.updatedBy))
    .where(eq(nominationLogistics.nominationId, nominationId));
  return row;
}

/** Writes the whole set of a nomination's logistics, creating the row on the first save. */
export async function upsertLogistics(db: DbOrTx, values: typeof nominationLogistics.$inferInsert) {
  const { nominationId: _id, ...changes } = values;
  await db
    .insert(nominationLogistics)
    .values(values)
    .onConflictDoUpdate({ target: nominationLogistics.nominationId, set: changes });
}

export async function isSessionInstructor(
  db: DbOrTx,
  sessionId: string,
  userId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ userId: sessionInstructors.userId })
    .from(sessionInstructors)
    .where(and(eq(sessionInstructors.sessionId, sessionId), eq(sessionInstructors.userId, userId)));
  return row !== undefined;
}

/**
 * Every selected nomination of a session inside the scope, with the participant, their nation
 * and any logistics, in the order a registrar reads a roster: nation, then family name.
 */
export async function selectSheetRows(db: DbOrTx, sessionId: string, scope: NationScope) {
  return db
    .select({
      nominationId: nominations.id,
      nationCode: nominations.nationCode,
      nationName: nations.name,
      familyNameLatin: participants.familyNameLatin,
      givenNamesLatin: participants.givenNamesLatin,
      familyNameArabic: participants.familyNameArabic,
      givenNamesArabic: participants.givenNamesArabic,
      rankCode: participants.rankCode,
      rankTitle: participants.rankTitle,
      logistics: nominationLogistics,
    })
    .from(nominations)
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .innerJoin(nations, eq(nations.code, nominations.nationCode))
    .leftJoin(nominationLogistics, eq(nominationLogistics.nominationId, nominations.id))
    .where(
      and(
        eq(nominations.sessionId, sessionId),
        eq(nominations.status, 'selected'),
        ownNation(scope),
      ),
    )
    .orderBy(
      asc(nominations.nationCode),
      asc(sql`lower(${participants.familyNameLatin})`),
      asc(sql`lower(${participants.givenNamesLatin})`),
      asc(nominations.id),
    );
}

export type SheetRow = Awaited<ReturnType<typeof selectSheetRows>>[number];
