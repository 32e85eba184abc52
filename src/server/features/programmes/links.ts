import { eq, inArray } from 'drizzle-orm';
import type { LocalizedText } from '../../../contract/common.js';
import type { ProgrammeStatus } from '../../../contract/programmes.js';
import { isInForce } from '../../../domain/programme-lifecycle.js';
import type { DbOrTx } from '../../db/client.js';
import { plannedActivities, programmeGoals } from '../../db/schema/index.js';
import { invalid } from '../../http/errors.js';
import { selectPlannedWithProgramme } from './queries.js';

/** What the rule below needs to know of a planned activity and its programme. */
export interface PlannedInProgramme {
  nationCode: string;
  status: string;
  activityId: string | null;
  years: readonly number[];
}

/**
 * A nomination may say it serves a planned activity only of its own nation's programme in
 * force, on the same catalogue activity, in one of the planned years.
 */
export function mayServe(
  planned: PlannedInProgramme,
  nomination: { nationCode: string; activityId: string; startDate: string },
): boolean {
  const year = Number(nomination.startDate.slice(0, 4));
  return (
    planned.nationCode === nomination.nationCode &&
    isInForce(planned.status as ProgrammeStatus) &&
    planned.activityId === nomination.activityId &&
    planned.years.includes(year)
  );
}

/** Refuses a link `mayServe` does not allow, or to a planned activity that does not exist. */
export async function checkPlannedLink(
  db: DbOrTx,
  plannedActivityId: string,
  nomination: { nationCode: string; activityId: string; startDate: string },
): Promise<void> {
  const planned = await selectPlannedWithProgramme(db, plannedActivityId);
  if (!planned || !mayServe(planned, nomination)) {
    throw invalid(
      'plannedActivityId',
      "is not a planned activity of this session's activity and year in the nation's agreed programme",
      'planned_activity_mismatch',
    );
  }
}

/** What the selection board shows of the planned activities nominations serve: the goal. */
export async function plannedLabels(
  db: DbOrTx,
  ids: readonly string[],
): Promise<Map<string, { id: string; label: LocalizedText }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: plannedActivities.id, label: programmeGoals.title })
    .from(plannedActivities)
    .innerJoin(programmeGoals, eq(programmeGoals.id, plannedActivities.goalId))
    .where(inArray(plannedActivities.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The planned years of the lines these nominations serve, for the links that hold on
 * `startDate`: what a session moving to another year is checked against.
 */
export async function plannedYearsServed(
  db: DbOrTx,
  links: readonly { nominationId: string; plannedActivityId: string; nationCode: string }[],
  session: { activityId: string; startDate: string },
): Promise<Map<string, number[]>> {
  const served = new Map<string, number[]>();
  for (const link of links) {
    const planned = await selectPlannedWithProgramme(db, link.plannedActivityId);
    if (planned && mayServe(planned, { ...session, nationCode: link.nationCode })) {
      served.set(link.nominationId, [...planned.years]);
    }
  }
  return served;
}
