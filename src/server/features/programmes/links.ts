import { eq, inArray } from 'drizzle-orm';
import type { LocalizedText } from '../../../contract/common.js';
import type { ProgrammeStatus } from '../../../contract/programmes.js';
import { isInForce } from '../../../domain/programme-lifecycle.js';
import type { DbOrTx } from '../../db/client.js';
import { plannedActivities, programmeGoals } from '../../db/schema/index.js';
import { invalid } from '../../http/errors.js';
import { selectPlannedWithProgramme } from './queries.js';

/**
 * A nomination may say it serves a planned activity only of its own nation's programme in
 * force, on the same catalogue activity, in one of the planned years.
 */
export async function checkPlannedLink(
  db: DbOrTx,
  plannedActivityId: string,
  nomination: { nationCode: string; activityId: string; startDate: string },
): Promise<void> {
  const planned = await selectPlannedWithProgramme(db, plannedActivityId);
  const year = Number(nomination.startDate.slice(0, 4));
  if (
    !planned ||
    planned.nationCode !== nomination.nationCode ||
    !isInForce(planned.status as ProgrammeStatus) ||
    planned.activityId !== nomination.activityId ||
    !planned.years.includes(year)
  ) {
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
