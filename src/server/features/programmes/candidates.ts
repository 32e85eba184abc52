import { and, asc, eq } from 'drizzle-orm';
import type {
  PlannedCandidate,
  PlannedCandidatesQuery,
  ProgrammeStatus,
} from '../../../contract/programmes.js';
import { lineProgress } from '../../../domain/programme-progress.js';
import type { DbOrTx } from '../../db/client.js';
import {
  plannedActivities,
  programmeGoals,
  programmeObjectives,
  programmes,
} from '../../db/schema/index.js';
import { invalid, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../context.js';
import { selectSession } from '../sessions/queries.js';
import { mayServe } from './links.js';

/** The nation's planned activities on one catalogue activity, in outline order. */
async function selectPlannedOnActivity(db: DbOrTx, nationCode: string, activityId: string) {
  return db
    .select({
      id: plannedActivities.id,
      activityId: plannedActivities.activityId,
      years: plannedActivities.years,
      seatsPlanned: plannedActivities.seatsPlanned,
      priority: plannedActivities.priority,
      goalTitle: programmeGoals.title,
      objectiveTitle: programmeObjectives.title,
      nationCode: programmes.nationCode,
      status: programmes.status,
      programme: {
        id: programmes.id,
        title: programmes.title,
        startYear: programmes.startYear,
        endYear: programmes.endYear,
      },
    })
    .from(plannedActivities)
    .innerJoin(programmeGoals, eq(programmeGoals.id, plannedActivities.goalId))
    .innerJoin(programmeObjectives, eq(programmeObjectives.id, programmeGoals.objectiveId))
    .innerJoin(programmes, eq(programmes.id, programmeObjectives.programmeId))
    .where(and(eq(programmes.nationCode, nationCode), eq(plannedActivities.activityId, activityId)))
    .orderBy(
      asc(plannedActivities.priority),
      asc(programmes.startYear),
      asc(programmeObjectives.position),
      asc(programmeGoals.position),
      asc(plannedActivities.id),
    );
}

/** The nation a reader asks about: their own if they belong to one, else the one they name. */
function nationOf(ctx: ServiceContext, asked: string | undefined): string {
  const { scope } = ctx.actor;
  if (scope.kind === 'nation') {
    if (asked !== undefined && asked !== scope.nationCode) throw notFound(`The nation ${asked}`);
    return scope.nationCode;
  }
  if (asked === undefined) throw invalid('nationCode', 'is required: whose nomination is it?');
  return asked;
}

/**
 * The planned activities a nomination of one nation for a session could say it serves: the
 * same rule `checkPlannedLink` applies when the nomination is created. The session must be
 * one the nation may see (published and released to it), else it is "not found".
 */
export async function listPlannedCandidates(
  ctx: ServiceContext,
  code: string,
  query: PlannedCandidatesQuery,
): Promise<PlannedCandidate[]> {
  const nationCode = nationOf(ctx, query.nationCode);
  const row = await selectSession(ctx.tx, { kind: 'nation', nationCode }, code);
  if (!row) throw notFound(`The session ${code}`);
  const { activityId, startDate } = row.session;
  const year = Number(startDate.slice(0, 4));
  const rows = await selectPlannedOnActivity(ctx.tx, nationCode, activityId);
  return rows
    .filter((p) => mayServe(p, { nationCode, activityId, startDate }))
    .map((p) => ({
      id: p.id,
      goalTitle: p.goalTitle,
      objectiveTitle: p.objectiveTitle,
      priority: p.priority,
      year,
      // The same spread of planned seats over the years as the programme's progress shows.
      seatsPlanned:
        lineProgress(p, [], []).byYear.find((y) => y.year === year)?.planned ?? p.seatsPlanned,
      programme: { ...p.programme, status: p.status as ProgrammeStatus },
    }));
}
