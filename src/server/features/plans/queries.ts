import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  plannedActivities,
  planSessions,
  plans,
  programmeGoals,
  programmeObjectives,
  programmes,
  sessionInstructors,
  sessionQuotas,
  trainingSessions,
  venues,
} from '../../db/schema/index.js';

/** Programme statuses whose planned seats the centre has agreed to. */
const AGREED = ['agreed', 'active'];

/** Every agreed programme's lines that plan seats in the year (free-text lines too). */
export async function selectDemandLines(db: DbOrTx, year: number) {
  return db
    .select({
      lineId: plannedActivities.id,
      programmeId: programmes.id,
      nationCode: programmes.nationCode,
      activityId: plannedActivities.activityId,
      seats: plannedActivities.seatsPlanned,
      priority: plannedActivities.priority,
    })
    .from(plannedActivities)
    .innerJoin(programmeGoals, eq(programmeGoals.id, plannedActivities.goalId))
    .innerJoin(programmeObjectives, eq(programmeObjectives.id, programmeGoals.objectiveId))
    .innerJoin(programmes, eq(programmes.id, programmeObjectives.programmeId))
    .where(
      and(
        inArray(programmes.status, AGREED),
        sql`${year} = any(${plannedActivities.years})`,
        gte(plannedActivities.seatsPlanned, 1),
      ),
    )
    .orderBy(asc(programmes.nationCode), asc(plannedActivities.id));
}

export async function selectActivities(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: activities.id,
      code: activities.code,
      title: activities.title,
      durationDays: activities.durationDays,
      capacity: activities.defaultCapacity,
      delivery: activities.delivery,
      disciplineCode: activities.disciplineCode,
    })
    .from(activities)
    .where(inArray(activities.id, ids))
    .orderBy(asc(activities.code));
}

/** Who has directed or taught each activity: the people who may run it again. */
export async function selectStaff(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  const directors = db
    .selectDistinct({
      activityId: trainingSessions.activityId,
      userId: trainingSessions.directorId,
    })
    .from(trainingSessions)
    .where(
      and(
        inArray(trainingSessions.activityId, ids),
        sql`${trainingSessions.directorId} is not null`,
      ),
    );
  const instructors = db
    .selectDistinct({ activityId: trainingSessions.activityId, userId: sessionInstructors.userId })
    .from(sessionInstructors)
    .innerJoin(trainingSessions, eq(trainingSessions.id, sessionInstructors.sessionId))
    .where(inArray(trainingSessions.activityId, ids));
  const rows = [...(await directors), ...(await instructors)];
  return rows.filter((r): r is { activityId: string; userId: string } => r.userId !== null);
}

export async function selectVenues(db: DbOrTx) {
  return db.select().from(venues).orderBy(asc(venues.code));
}

/** Sessions already in the year's calendar (not cancelled), with their quotas and staff. */
export async function selectFixedSessions(db: DbOrTx, year: number) {
  const rows = await db
    .select({
      id: trainingSessions.id,
      code: trainingSessions.code,
      activityId: trainingSessions.activityId,
      venueCode: trainingSessions.venueCode,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      capacity: trainingSessions.capacity,
      directorId: trainingSessions.directorId,
    })
    .from(trainingSessions)
    .where(
      and(
        ne(trainingSessions.status, 'cancelled'),
        gte(trainingSessions.startDate, `${year}-01-01`),
        lte(trainingSessions.startDate, `${year}-12-31`),
      ),
    )
    .orderBy(asc(trainingSessions.startDate), asc(trainingSessions.code));
  const ids = rows.map((r) => r.id);
  const quotas = ids.length
    ? await db.select().from(sessionQuotas).where(inArray(sessionQuotas.sessionId, ids))
    : [];
  const staff = ids.length
    ? await db.select().from(sessionInstructors).where(inArray(sessionInstructors.sessionId, ids))
    : [];
  return rows.map((r) => ({
    ...r,
    quotas: Object.fromEntries(
      quotas.filter((q) => q.sessionId === r.id).map((q) => [q.nationCode, q.seats]),
    ),
    instructorIds: staff.filter((s) => s.sessionId === r.id).map((s) => s.userId),
  }));
}

export async function selectPlans(db: DbOrTx, year: number) {
  return db.select().from(plans).where(eq(plans.year, year)).orderBy(desc(plans.version));
}

export async function selectPlan(db: DbOrTx, year: number, version: number, lock = false) {
  const query = db
    .select()
    .from(plans)
    .where(and(eq(plans.year, year), eq(plans.version, version)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function selectPlanSessions(db: DbOrTx, planId: string) {
  return db
    .select({
      session: planSessions,
      activityCode: activities.code,
      sessionCode: trainingSessions.code,
    })
    .from(planSessions)
    .innerJoin(activities, eq(activities.id, planSessions.activityId))
    .leftJoin(trainingSessions, eq(trainingSessions.id, planSessions.sessionId))
    .where(eq(planSessions.planId, planId))
    .orderBy(asc(planSessions.startDate), asc(planSessions.venueCode), asc(activities.code));
}

export type PlanSessionRow = Awaited<ReturnType<typeof selectPlanSessions>>[number];

/** The next version number of a year, with the year's plans locked against a concurrent run. */
export async function nextVersion(db: DbOrTx, year: number): Promise<number> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('rabita.plans'), ${year})`);
  const [row] = await db
    .select({ last: sql<number>`coalesce(max(${plans.version}), 0)::int` })
    .from(plans)
    .where(eq(plans.year, year));
  return (row?.last ?? 0) + 1;
}

export async function insertPlan(db: DbOrTx, values: typeof plans.$inferInsert) {
  const [row] = await db.insert(plans).values(values).returning();
  if (!row) throw new Error('plan insert returned nothing');
  return row;
}

export async function insertPlanSessions(db: DbOrTx, values: (typeof planSessions.$inferInsert)[]) {
  for (let i = 0; i < values.length; i += 500) {
    await db.insert(planSessions).values(values.slice(i, i + 500));
  }
}

export async function updatePlanSession(
  db: DbOrTx,
  planId: string,
  id: string,
  values: Partial<typeof planSessions.$inferInsert>,
) {
  const [row] = await db
    .update(planSessions)
    .set(values)
    .where(and(eq(planSessions.planId, planId), eq(planSessions.id, id)))
    .returning();
  return row ?? null;
}

export async function markAccepted(
  db: DbOrTx,
  planId: string,
  year: number,
  userId: string | null,
) {
  await db
    .update(plans)
    .set({ status: 'superseded' })
    .where(and(eq(plans.year, year), ne(plans.id, planId), eq(plans.status, 'proposed')));
  await db
    .update(plans)
    .set({ status: 'accepted', acceptedAt: new Date(), acceptedBy: userId })
    .where(eq(plans.id, planId));
}

export async function selectActivityByCode(db: DbOrTx, code: string) {
  const [row] = await db
    .select({
      id: activities.id,
      code: activities.code,
      durationDays: activities.durationDays,
      capacity: activities.defaultCapacity,
      delivery: activities.delivery,
    })
    .from(activities)
    .where(eq(activities.code, code));
  return row ?? null;
}

export async function insertPlanSession(db: DbOrTx, values: typeof planSessions.$inferInsert) {
  const [row] = await db.insert(planSessions).values(values).returning();
  if (!row) throw new Error('plan session insert returned nothing');
  return row;
}

export async function deletePlanSession(db: DbOrTx, planId: string, id: string) {
  const [row] = await db
    .delete(planSessions)
    .where(and(eq(planSessions.planId, planId), eq(planSessions.id, id)))
    .returning({ id: planSessions.id });
  return row ?? null;
}
