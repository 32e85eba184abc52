import { and, asc, desc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { ProgrammeListQuery } from '../../../contract/programmes.js';
import type { NationScope } from '../../../domain/access.js';
import type { NominationFact, SessionFact } from '../../../domain/programme-progress.js';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  nations,
  nominations,
  plannedActivities,
  programmeGoals,
  programmeObjectives,
  programmeRevisions,
  programmes,
  sessionQuotas,
  trainingSessions,
  users,
} from '../../db/schema/index.js';

/** A nation-scoped reader sees only their nation's programmes; others are "not found". */
function visible(scope: NationScope): SQL | undefined {
  return scope.kind === 'all' ? undefined : eq(programmes.nationCode, scope.nationCode);
}

const summaryColumns = { programme: programmes, nationName: nations.name };

export async function selectProgrammes(db: DbOrTx, scope: NationScope, query: ProgrammeListQuery) {
  return db
    .select(summaryColumns)
    .from(programmes)
    .innerJoin(nations, eq(nations.code, programmes.nationCode))
    .where(
      and(
        visible(scope),
        query.nationCode ? eq(programmes.nationCode, query.nationCode) : undefined,
        query.status ? eq(programmes.status, query.status) : undefined,
      ),
    )
    .orderBy(asc(programmes.nationCode), desc(programmes.startYear), asc(programmes.id));
}

export type ProgrammeRow = Awaited<ReturnType<typeof selectProgrammes>>[number];

export async function selectProgramme(db: DbOrTx, scope: NationScope, id: string, lock = false) {
  const query = db
    .select(summaryColumns)
    .from(programmes)
    .innerJoin(nations, eq(nations.code, programmes.nationCode))
    .where(and(visible(scope), eq(programmes.id, id)));
  const [row] = lock ? await query.for('update', { of: programmes }) : await query;
  return row ?? null;
}

export async function selectNation(db: DbOrTx, code: string) {
  const [row] = await db.select().from(nations).where(eq(nations.code, code));
  return row ?? null;
}

export async function selectOutline(db: DbOrTx, programmeId: string) {
  const objectives = await db
    .select()
    .from(programmeObjectives)
    .where(eq(programmeObjectives.programmeId, programmeId))
    .orderBy(asc(programmeObjectives.position));
  const ids = objectives.map((o) => o.id);
  const goals =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(programmeGoals)
          .where(inArray(programmeGoals.objectiveId, ids))
          .orderBy(asc(programmeGoals.position));
  const goalIds = goals.map((g) => g.id);
  const planned =
    goalIds.length === 0
      ? []
      : await db
          .select({
            planned: plannedActivities,
            activityCode: activities.code,
            activityTitle: activities.title,
          })
          .from(plannedActivities)
          .leftJoin(activities, eq(activities.id, plannedActivities.activityId))
          .where(inArray(plannedActivities.goalId, goalIds))
          .orderBy(asc(plannedActivities.priority), asc(plannedActivities.id));
  return { objectives, goals, planned };
}

export type Outline = Awaited<ReturnType<typeof selectOutline>>;

export async function existingActivityIds(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: activities.id })
    .from(activities)
    .where(inArray(activities.id, ids));
  return new Set(rows.map((r) => r.id));
}

/** Published sessions of the planned activities in the programme's years, with the nation's quota. */
export async function selectSessionFacts(
  db: DbOrTx,
  nationCode: string,
  activityIds: string[],
  startYear: number,
  endYear: number,
): Promise<SessionFact[]> {
  if (activityIds.length === 0) return [];
  const year = sql<number>`extract(year from ${trainingSessions.startDate})::int`;
  return db
    .select({
      activityId: trainingSessions.activityId,
      year,
      offered: sql<number>`coalesce(${sessionQuotas.seats}, 0)::int`,
      status: trainingSessions.status,
    })
    .from(trainingSessions)
    .leftJoin(
      sessionQuotas,
      and(
        eq(sessionQuotas.sessionId, trainingSessions.id),
        eq(sessionQuotas.nationCode, nationCode),
      ),
    )
    .where(
      and(
        inArray(trainingSessions.activityId, activityIds),
        ne(trainingSessions.status, 'draft'),
        sql`${year} between ${startYear} and ${endYear}`,
      ),
    );
}

/** The nation's nominations on those activities, and any linked to the programme's lines. */
export async function selectNominationFacts(
  db: DbOrTx,
  nationCode: string,
  activityIds: string[],
  plannedIds: string[],
  startYear: number,
  endYear: number,
): Promise<NominationFact[]> {
  if (activityIds.length === 0 && plannedIds.length === 0) return [];
  const year = sql<number>`extract(year from ${trainingSessions.startDate})::int`;
  return db
    .select({
      activityId: trainingSessions.activityId,
      year,
      plannedActivityId: nominations.plannedActivityId,
      status: nominations.status,
      result: nominations.result,
    })
    .from(nominations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .where(
      and(
        eq(nominations.nationCode, nationCode),
        or(
          activityIds.length > 0
            ? and(
                inArray(trainingSessions.activityId, activityIds),
                sql`${year} between ${startYear} and ${endYear}`,
              )
            : undefined,
          plannedIds.length > 0 ? inArray(nominations.plannedActivityId, plannedIds) : undefined,
        ),
      ),
    );
}

/** Planned activities among `ids` that nominations serve: removing them would orphan those. */
export async function plannedInUse(db: DbOrTx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: nominations.plannedActivityId })
    .from(nominations)
    .where(inArray(nominations.plannedActivityId, ids));
  return rows.flatMap((r) => (r.id ? [r.id] : []));
}

export async function selectRevisions(db: DbOrTx, programmeId: string) {
  return db
    .select({ revision: programmeRevisions, revisedBy: users.displayName })
    .from(programmeRevisions)
    .leftJoin(users, eq(users.id, programmeRevisions.revisedBy))
    .where(eq(programmeRevisions.programmeId, programmeId))
    .orderBy(desc(programmeRevisions.version));
}

/** The planned activity with its programme, for a nomination that says it serves it. */
export async function selectPlannedWithProgramme(db: DbOrTx, plannedActivityId: string) {
  const [row] = await db
    .select({
      id: plannedActivities.id,
      activityId: plannedActivities.activityId,
      years: plannedActivities.years,
      nationCode: programmes.nationCode,
      status: programmes.status,
    })
    .from(plannedActivities)
    .innerJoin(programmeGoals, eq(programmeGoals.id, plannedActivities.goalId))
    .innerJoin(programmeObjectives, eq(programmeObjectives.id, programmeGoals.objectiveId))
    .innerJoin(programmes, eq(programmes.id, programmeObjectives.programmeId))
    .where(eq(plannedActivities.id, plannedActivityId));
  return row ?? null;
}
