import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { NationScope } from '../../../domain/access.js';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  attendanceMarks,
  nations,
  nominationEvents,
  nominations,
  participantResults,
  participants,
  sessionDelivery,
  sessionInstructors,
  trainingSessions,
  users,
} from '../../db/schema/index.js';

export async function selectEvaluationLevels(db: DbOrTx, activityId: string): Promise<number[]> {
  const [row] = await db
    .select({ levels: activities.evaluationLevels })
    .from(activities)
    .where(eq(activities.id, activityId));
  return row?.levels ?? [];
}

export async function teachesSession(db: DbOrTx, sessionId: string, userId: string) {
  const [row] = await db
    .select({ userId: sessionInstructors.userId })
    .from(sessionInstructors)
    .where(and(eq(sessionInstructors.sessionId, sessionId), eq(sessionInstructors.userId, userId)));
  return row !== undefined;
}

export type DeliveryRow = typeof sessionDelivery.$inferSelect;

/** The session's delivery settings; `lock` holds the row so a closing cannot slip in between. */
export async function selectDelivery(db: DbOrTx, sessionId: string, lock = false) {
  const query = db.select().from(sessionDelivery).where(eq(sessionDelivery.sessionId, sessionId));
  const [row] = await (lock ? query.for('update') : query);
  return row ?? null;
}

/** Creates the delivery row with its defaults when the session has none yet, and locks it. */
export async function lockDelivery(db: DbOrTx, sessionId: string): Promise<DeliveryRow> {
  await db.insert(sessionDelivery).values({ sessionId }).onConflictDoNothing();
  const row = await selectDelivery(db, sessionId, true);
  if (!row) throw new Error('session_delivery row missing after insert');
  return row;
}

export async function updateDelivery(
  db: DbOrTx,
  sessionId: string,
  values: Partial<Omit<DeliveryRow, 'sessionId' | 'updatedAt'>>,
) {
  await db
    .update(sessionDelivery)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(sessionDelivery.sessionId, sessionId));
}

/**
 * The session's participants: selected nominations, and withdrawn ones that held a seat
 * (withdrawn after selection), within the reader's nation scope, by nation then name.
 */
export async function selectParticipants(db: DbOrTx, sessionId: string, scope: NationScope) {
  const heldSeat = sql`exists (select 1 from ${nominationEvents} e where e.nomination_id = ${nominations.id} and e.from_status = 'selected')`;
  return db
    .select({
      nominationId: nominations.id,
      nominationStatus: nominations.status,
      nationCode: nominations.nationCode,
      participantId: participants.id,
      familyNameLatin: participants.familyNameLatin,
      givenNamesLatin: participants.givenNamesLatin,
      familyNameArabic: participants.familyNameArabic,
      givenNamesArabic: participants.givenNamesArabic,
      rankCode: participants.rankCode,
      rankTitle: participants.rankTitle,
      status: participantResults.status,
      preTestScore: participantResults.preTestScore,
      postTestScore: participantResults.postTestScore,
      confirmedAt: participantResults.confirmedAt,
      confirmedByName: users.displayName,
    })
    .from(nominations)
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .leftJoin(participantResults, eq(participantResults.nominationId, nominations.id))
    .leftJoin(users, eq(users.id, participantResults.confirmedBy))
    .where(
      and(
        eq(nominations.sessionId, sessionId),
        scope.kind === 'nation' ? eq(nominations.nationCode, scope.nationCode) : undefined,
        or(eq(nominations.status, 'selected'), and(eq(nominations.status, 'withdrawn'), heldSeat)),
      ),
    )
    .orderBy(
      asc(nominations.nationCode),
      asc(participants.familyNameLatin),
      asc(participants.givenNamesLatin),
      asc(nominations.id),
    );
}

export type ParticipantRow = Awaited<ReturnType<typeof selectParticipants>>[number];

/** Every attendance mark of these nominations. */
export async function selectMarks(db: DbOrTx, nominationIds: string[]) {
  if (nominationIds.length === 0) return [];
  return db
    .select({
      nominationId: attendanceMarks.nominationId,
      day: attendanceMarks.day,
      status: attendanceMarks.status,
    })
    .from(attendanceMarks)
    .where(inArray(attendanceMarks.nominationId, nominationIds));
}

export type ResultRow = typeof participantResults.$inferSelect;

export async function selectResultRows(db: DbOrTx, nominationIds: string[]) {
  if (nominationIds.length === 0) return [];
  return db
    .select()
    .from(participantResults)
    .where(inArray(participantResults.nominationId, nominationIds));
}

/** Writes a confirmed result and copies the status to the nomination, which history reads. */
export async function saveResult(
  db: DbOrTx,
  values: Omit<typeof participantResults.$inferInsert, 'updatedAt'>,
) {
  const now = new Date();
  await db
    .insert(participantResults)
    .values({ ...values, updatedAt: now })
    .onConflictDoUpdate({
      target: participantResults.nominationId,
      set: {
        proposedStatus: values.proposedStatus,
        status: values.status,
        preTestScore: values.preTestScore,
        postTestScore: values.postTestScore,
        confirmedBy: values.confirmedBy,
        confirmedAt: values.confirmedAt,
        updatedAt: now,
      },
    });
  await db
    .update(nominations)
    .set({ result: values.status ?? null, updatedAt: now })
    .where(eq(nominations.id, values.nominationId));
}

export async function selectNationNames(db: DbOrTx, codes: string[]) {
  if (codes.length === 0) return new Map<string, { en: string; fr?: string; ar?: string }>();
  const rows = await db
    .select({ code: nations.code, name: nations.name })
    .from(nations)
    .where(inArray(nations.code, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function selectSessionCode(db: DbOrTx, sessionId: string) {
  const [row] = await db
    .select({ code: trainingSessions.code })
    .from(trainingSessions)
    .where(eq(trainingSessions.id, sessionId));
  return row?.code;
}
