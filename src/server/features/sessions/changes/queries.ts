import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import {
  activities,
  nations,
  sessionChanges,
  sessionInstructors,
  sessionQuotas,
  trainingSessions,
  users,
  venues,
} from '../../../db/schema/index.js';

export type SessionChangeRow = typeof sessionChanges.$inferSelect;

export async function insertChange(
  db: DbOrTx,
  values: typeof sessionChanges.$inferInsert,
): Promise<SessionChangeRow> {
  const [row] = await db.insert(sessionChanges).values(values).returning();
  if (!row) throw new Error('session change insert returned nothing');
  return row;
}

/** Raises the session's calendar sequence (the caller holds the session row); the new value. */
export async function bumpCalendarSequence(db: DbOrTx, sessionId: string): Promise<number> {
  const [row] = await db
    .update(trainingSessions)
    .set({ calendarSequence: sql`${trainingSessions.calendarSequence} + 1` })
    .where(eq(trainingSessions.id, sessionId))
    .returning({ sequence: trainingSessions.calendarSequence });
  if (!row) throw new Error(`session ${sessionId} vanished`);
  return row.sequence;
}

export async function selectCalendarSequence(db: DbOrTx, sessionId: string): Promise<number> {
  const [row] = await db
    .select({ sequence: trainingSessions.calendarSequence })
    .from(trainingSessions)
    .where(eq(trainingSessions.id, sessionId));
  return row?.sequence ?? 0;
}

/** The change, locked until the telling transaction ends: a second run waits, then sees it done. */
export async function lockChange(db: DbOrTx, id: string): Promise<SessionChangeRow | undefined> {
  const [row] = await db
    .select()
    .from(sessionChanges)
    .where(eq(sessionChanges.id, id))
    .for('update');
  return row;
}

export async function markNotified(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.update(sessionChanges).set({ notifiedAt: now }).where(eq(sessionChanges.id, id));
}

/** What a notice says of a session, as it is now. */
export async function selectSessionForNotice(db: DbOrTx, sessionId: string) {
  const [row] = await db
    .select({
      id: trainingSessions.id,
      code: trainingSessions.code,
      status: trainingSessions.status,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      capacity: trainingSessions.capacity,
      quotaTotal: trainingSessions.quotaTotal,
      nominationCloses: trainingSessions.nominationCloses,
      joiningInstructions: trainingSessions.joiningInstructions,
      calendarSequence: trainingSessions.calendarSequence,
      language: trainingSessions.language,
      activityId: trainingSessions.activityId,
      activityTitle: activities.title,
      activityStatus: activities.status,
      venueName: venues.name,
      timeZone: venues.timeZone,
    })
    .from(trainingSessions)
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .where(eq(trainingSessions.id, sessionId));
  if (!row) throw new Error(`session ${sessionId} vanished`);
  return row;
}

export type SessionForNotice = Awaited<ReturnType<typeof selectSessionForNotice>>;

const userColumns = {
  id: users.id,
  email: users.email,
  locale: users.locale,
  displayName: users.displayName,
  nationCode: users.nationCode,
};

/** Active accounts among `ids`: someone deactivated is told nothing. */
export async function selectActiveUsers(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select(userColumns)
    .from(users)
    .where(and(inArray(users.id, [...new Set(ids)]), eq(users.active, true)))
    .orderBy(asc(users.email));
}

/** The active NPOCs of these nations. */
export async function selectNpocs(db: DbOrTx, nationCodes: readonly string[]) {
  if (nationCodes.length === 0) return [];
  return db
    .select(userColumns)
    .from(users)
    .where(
      and(
        inArray(users.nationCode, [...new Set(nationCodes)]),
        eq(users.active, true),
        sql`'npoc' = any(${users.roles})`,
      ),
    )
    .orderBy(asc(users.nationCode), asc(users.email));
}

export async function selectNationNames(db: DbOrTx, codes: readonly string[]) {
  if (codes.length === 0) return new Map<string, (typeof nations.$inferSelect)['name']>();
  const rows = await db
    .select({ code: nations.code, name: nations.name })
    .from(nations)
    .where(inArray(nations.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The session's director and instructors now. */
export async function selectStaffIds(db: DbOrTx, sessionId: string) {
  const [session] = await db
    .select({ directorId: trainingSessions.directorId })
    .from(trainingSessions)
    .where(eq(trainingSessions.id, sessionId));
  const instructors = await db
    .select({ userId: sessionInstructors.userId })
    .from(sessionInstructors)
    .where(eq(sessionInstructors.sessionId, sessionId));
  return {
    directorId: session?.directorId ?? null,
    instructorIds: instructors.map((i) => i.userId),
  };
}

/**
 * The nations an activity is released to: to all, by framework or by name. The same rule as the
 * catalogue's `visibleActivities`, from the activity's side.
 */
export async function selectReleasedNations(db: DbOrTx, activityId: string): Promise<string[]> {
  const rows = await db
    .select({ code: nations.code })
    .from(nations)
    .innerJoin(activities, eq(activities.id, activityId))
    .where(
      sql`(${activities.releasableToAll}
        or ${nations.code} = any(${activities.releasableNations})
        or ${nations.frameworkCode} = any(${activities.releasableFrameworks}))`,
    )
    .orderBy(asc(nations.code));
  return rows.map((r) => r.code);
}

export async function selectQuotaSeats(db: DbOrTx, sessionId: string) {
  const rows = await db
    .select({ nationCode: sessionQuotas.nationCode, seats: sessionQuotas.seats })
    .from(sessionQuotas)
    .where(eq(sessionQuotas.sessionId, sessionId));
  return new Map(rows.map((r) => [r.nationCode, r.seats]));
}

/**
 * Announcements not yet in a digest, made before `before`, locked so that two digest runs
 * never send the same one twice (the second skips what the first holds).
 */
export async function lockUndigestedAnnouncements(db: DbOrTx, before: Date) {
  return db
    .select({ id: sessionChanges.id, sessionId: sessionChanges.sessionId })
    .from(sessionChanges)
    .where(
      and(
        eq(sessionChanges.kind, 'announced'),
        isNull(sessionChanges.digestedAt),
        lt(sessionChanges.createdAt, before),
      ),
    )
    .orderBy(asc(sessionChanges.createdAt), asc(sessionChanges.id))
    .for('update', { skipLocked: true });
}

export async function markDigested(db: DbOrTx, ids: readonly string[], now: Date) {
  if (ids.length === 0) return;
  await db
    .update(sessionChanges)
    .set({ digestedAt: now })
    .where(inArray(sessionChanges.id, [...ids]));
}
