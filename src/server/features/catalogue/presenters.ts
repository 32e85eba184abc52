import type {
  Activity,
  ActivityStatus,
  ActivitySummary,
  Discipline,
} from '../../../contract/catalogue.js';
import { kindOf } from '../../../domain/activity-kinds.js';
import type { ActivityRow, ActivitySummaryRow, DisciplineRow } from './queries.js';

export function presentDiscipline(row: DisciplineRow, activityCount: number): Discipline {
  return { code: row.code, name: row.name, activityCount };
}

export function presentActivitySummary(
  row: ActivitySummaryRow,
  openSessions: number,
): ActivitySummary {
  const type = row.type as ActivitySummary['type'];
  return {
    id: row.id,
    code: row.code,
    type,
    kind: kindOf(type),
    title: row.title,
    disciplineCode: row.disciplineCode,
    providerCode: row.providerCode,
    delivery: row.delivery as ActivitySummary['delivery'],
    durationDays: row.durationDays,
    language: row.language,
    status: row.status as ActivityStatus,
    openSessions,
  };
}

export function presentActivity(row: ActivityRow, openSessions: number): Activity {
  return {
    ...presentActivitySummary(row, openSessions),
    description: row.description,
    audience: row.audience,
    prerequisites: row.prerequisites,
    classification: row.classification,
    releasability: row.releasability,
    publicCatalogue: row.publicCatalogue,
    evaluationLevels: row.evaluationLevels,
    defaultCapacity: row.defaultCapacity,
    // numeric comes back as text; both parts are written together, so both or neither exist.
    fee:
      row.feeAmount !== null && row.feeCurrency !== null
        ? { amount: Number(row.feeAmount), currency: row.feeCurrency }
        : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
