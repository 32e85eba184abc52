import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  attendanceMarks,
  checkInDays,
  nominations,
  participants,
  sessionDelivery,
  sessionInstructors,
  trainingSessions,
  users,
} from '../../db/schema/index.js';

export type MarkRow = typeof attendanceMarks.$inferSelect;
export type NamedMark = MarkRow & { markedByName: string | null };

const markColumns = {
  nominationId: attendanceMarks.nominationId,
  day: attendanceMarks.day,
  status: attendanceMarks.status,
  source: attendanceMarks.source,
  markedBy: attendanceMarks.markedBy,
  markedAt: attendanceMarks.markedAt,
  version: attendanceMarks.version,
  markedByName: users.displayName,
};

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
 * When the session's results were closed, or null. `share` holds the delivery row so that a
 * closing cannot commit between this check and the marks written after it.
 */
export async function selectResultsClosedAt(
  db: DbOrTx,
  sessionId: string,
  share = false,
): Promise<Date | null> {
  const query = db
    .select({ closedAt: sessionDelivery.resultsClosedAt })
    .from(sessionDelivery)
    .where(eq(sessionDelivery.sessionId, sessionId));
  const [row] = await (share ? query.for('share') : query);
  return row?.closedAt ?? null;
}

/** The session's selected participants, by nation then name. */
export async function selectRosterParticipants(db: DbOrTx, sessionId: string) {
  return db
    .select({
      nominationId: nominations.id,
      nationCode: nominations.nationCode,
      familyNameLatin: participants.familyNameLatin,
      givenNamesLatin: participants.givenNamesLatin,
      familyNameArabic: participants.familyNameArabic,
      givenNamesArabic: participants.givenNamesArabic,
      rankCode: participants.rankCode,
      rankTitle: participants.rankTitle,
    })
    .from(nominations)
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .where(and(eq(nominations.sessionId, sessionId), eq(nominations.status, 'selected')))
    .orderBy(
      asc(nominations.nationCode),
      asc(participants.familyNameLatin),
      asc(participants.givenNamesLatin),
      asc(nominations.id),
    );
}

/** Every mark of the session's nominations, with the marker's name. */
export async function selectSessionMarks(db: DbOrTx, sessionId: string): Promise<NamedMark[]> {
  return db
    .select(markColumns)
    .from(attendanceMarks)
    .innerJoin(nominations, eq(nominations.id, attendanceMarks.nominationId))
    .leftJoin(users, eq(users.id, attendanceMarks.markedBy))
    .where(eq(nominations.sessionId, sessionId))
    .orderBy(asc(attendanceMarks.day), asc(attendanceMarks.nominationId));
}

/** Which of these nominations are selected on the session. */
export async function selectedAmong(
  db: DbOrTx,
  sessionId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: nominations.id })
    .from(nominations)
    .where(
      and(
        eq(nominations.sessionId, sessionId),
        eq(nominations.status, 'selected'),
        inArray(nominations.id, [...ids]),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/**
 * The stored marks for these nominations and days, locked until the transaction ends so
 * that two rosters sending at once are decided one after the other.
 */
export async function lockMarks(
  db: DbOrTx,
  nominationIds: readonly string[],
  days: readonly string[],
): Promise<MarkRow[]> {
  if (nominationIds.length === 0 || days.length === 0) return [];
  return db
    .select()
    .from(attendanceMarks)
    .where(
      and(
        inArray(attendanceMarks.nominationId, [...nominationIds]),
        inArray(attendanceMarks.day, [...days]),
      ),
    )
    .orderBy(asc(attendanceMarks.nominationId), asc(attendanceMarks.day))
    .for('update');
}

/** A first mark; false when another request inserted one first. */
export async function insertMark(
  db: DbOrTx,
  values: Pick<MarkRow, 'nominationId' | 'day' | 'status' | 'source' | 'markedBy'>,
): Promise<boolean> {
  const rows = await db
    .insert(attendanceMarks)
    .values({ ...values, markedAt: new Date(), version: 1 })
    .onConflictDoNothing()
    .returning({ version: attendanceMarks.version });
  return rows.length > 0;
}

/** A new status over a stored mark the caller holds locked; the version moves on. */
export async function updateMark(
  db: DbOrTx,
  values: Pick<MarkRow, 'nominationId' | 'day' | 'status' | 'source' | 'markedBy'>,
): Promise<void> {
  await db
    .update(attendanceMarks)
    .set({
      status: values.status,
      source: values.source,
      markedBy: values.markedBy,
      markedAt: new Date(),
      version: sql`${attendanceMarks.version} + 1`,
    })
    .where(
      and(
        eq(attendanceMarks.nominationId, values.nominationId),
        eq(attendanceMarks.day, values.day),
      ),
    );
}

/** The marks of these nominations on these days, with the marker's name. */
export async function selectNamedMarks(
  db: DbOrTx,
  nominationIds: readonly string[],
  days: readonly string[],
): Promise<NamedMark[]> {
  if (nominationIds.length === 0 || days.length === 0) return [];
  return db
    .select(markColumns)
    .from(attendanceMarks)
    .leftJoin(users, eq(users.id, attendanceMarks.markedBy))
    .where(
      and(
        inArray(attendanceMarks.nominationId, [...nominationIds]),
        inArray(attendanceMarks.day, [...days]),
      ),
    );
}

/** The day's check-in secret, made on first use; `created` says whether this call made it. */
export async function ensureCheckInSecret(
  db: DbOrTx,
  sessionId: string,
  day: string,
  fresh: string,
): Promise<{ secret: string; created: boolean }> {
  const inserted = await db
    .insert(checkInDays)
    .values({ sessionId, day, secret: fresh })
    .onConflictDoNothing()
    .returning({ secret: checkInDays.secret });
  if (inserted[0]) return { secret: inserted[0].secret, created: true };
  const secret = await selectCheckInSecret(db, sessionId, day);
  if (!secret) throw new Error('check-in secret vanished after a conflicting insert');
  return { secret, created: false };
}

export async function selectCheckInSecret(
  db: DbOrTx,
  sessionId: string,
  day: string,
): Promise<string | null> {
  const [row] = await db
    .select({ secret: checkInDays.secret })
    .from(checkInDays)
    .where(and(eq(checkInDays.sessionId, sessionId), eq(checkInDays.day, day)));
  return row?.secret ?? null;
}

/** A session by its code, whoever asks: a check-in code names it, the caller's nomination scopes it. */
export async function selectSessionIdByCode(db: DbOrTx, code: string) {
  const [row] = await db
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .where(eq(trainingSessions.code, code));
  return row?.id ?? null;
}

/** The caller's own selected nomination on a session, through their participant record. */
export async function selectOwnSelectedNomination(
  db: DbOrTx,
  sessionId: string,
  userId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: nominations.id })
    .from(nominations)
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .where(
      and(
        eq(nominations.sessionId, sessionId),
        eq(nominations.status, 'selected'),
        eq(participants.userId, userId),
      ),
    );
  return row?.id ?? null;
}
