import type {
  PlannedActivity,
  Programme,
  ProgrammeRevision,
  ProgrammeStatus,
  ProgrammeSummary,
} from '../../../contract/programmes.js';
import {
  lineProgress,
  type NominationFact,
  rollUp,
  rollUpYears,
  type SessionFact,
} from '../../../domain/programme-progress.js';
import type { Outline, ProgrammeRow, selectRevisions } from './queries.js';

export function presentSummary(row: ProgrammeRow): ProgrammeSummary {
  const p = row.programme;
  return {
    id: p.id,
    nationCode: p.nationCode,
    nationName: row.nationName,
    title: p.title,
    startYear: p.startYear,
    endYear: p.endYear,
    status: p.status as ProgrammeStatus,
    version: p.version,
    agreedAt: p.agreedAt?.toISOString() ?? null,
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** The outline with its progress computed from the delivery facts at every level. */
export function presentProgramme(
  row: ProgrammeRow,
  outline: Outline,
  sessions: SessionFact[],
  nominations: NominationFact[],
  access: Pick<Programme, 'allowedTransitions' | 'outlineEdit'>,
): Programme {
  const lines = new Map<string, PlannedActivity & { goalId: string }>();
  for (const { planned, activityCode, activityTitle } of outline.planned) {
    const progress = lineProgress(planned, sessions, nominations);
    lines.set(planned.id, {
      goalId: planned.goalId,
      id: planned.id,
      activityId: planned.activityId,
      activityCode,
      activityTitle,
      freeText: planned.freeText,
      years: [...planned.years].sort((a, b) => a - b),
      seatsPlanned: planned.seatsPlanned,
      priority: planned.priority,
      progress: progress.total,
      byYear: progress.byYear,
    });
  }
  const all = [...lines.values()];
  const objectives = outline.objectives.map((o) => {
    const goals = outline.goals
      .filter((g) => g.objectiveId === o.id)
      .map((g) => {
        const planned = all
          .filter((l) => l.goalId === g.id)
          .map(({ goalId: _goalId, ...line }) => line);
        return {
          id: g.id,
          title: g.title,
          progress: rollUp(planned.map((l) => l.progress)),
          plannedActivities: planned,
        };
      });
    return { id: o.id, title: o.title, progress: rollUp(goals.map((g) => g.progress)), goals };
  });
  return {
    ...presentSummary(row),
    objectives,
    progress: rollUp(objectives.map((o) => o.progress)),
    byYear: rollUpYears(all.map((l) => l.byYear)),
    ...access,
  };
}

export function presentRevision(
  row: Awaited<ReturnType<typeof selectRevisions>>[number],
): ProgrammeRevision {
  const r = row.revision;
  return {
    id: r.id,
    version: r.version,
    reason: r.reason,
    changes: r.changes,
    snapshot: r.snapshot,
    revisedBy: row.revisedBy,
    revisedAt: r.revisedAt.toISOString(),
  };
}
