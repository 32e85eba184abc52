import type { ConflictOverride, SelectionConflict } from '../../../contract/nominations.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import * as q from './queries.js';

function conflictOf(row: q.OverlappingSelection): SelectionConflict {
  return {
    nominationId: row.nominationId,
    sessionCode: row.sessionCode,
    activityTitle: row.activityTitle,
    startDate: row.startDate,
    endDate: row.endDate,
  };
}

/** 409 `selection_conflict` naming the person's other sessions, under `conflicts`. */
export function selectionConflict(conflicts: readonly SelectionConflict[]): AppError {
  const [first] = conflicts;
  const named = first
    ? `${first.sessionCode} "${first.activityTitle.en}" (${first.startDate} to ${first.endDate})`
    : 'another session';
  const more = conflicts.length > 1 ? ` and ${conflicts.length - 1} more` : '';
  return new AppError(
    409,
    'selection_conflict',
    `This person is already selected on ${named}${more}, on overlapping dates. Send overrideConflict: {reason} to select them on both.`,
    undefined,
    undefined,
    { conflicts },
  );
}

/**
 * Refuses to select a person already selected on another session over the same days, unless
 * the registrar says why in writing; returns the selections so overridden (none, usually).
 * One statement, run in the seat transaction after the person's row was locked (the nomination
 * is read with `'with-person'`): two selections of one person on two overlapping sessions wait
 * for each other, and the second reads the first once it is committed.
 */
export async function refuseOverlappingSelection(
  db: DbOrTx,
  nomination: { participantId: string; sessionId: string },
  override: ConflictOverride | undefined,
): Promise<SelectionConflict[]> {
  const rows = await q.selectOverlappingSelections(db, nomination.sessionId, [
    nomination.participantId,
  ]);
  if (rows.length > 0 && !override) throw selectionConflict(rows.map(conflictOf));
  return rows.map(conflictOf);
}

/**
 * Each person's selections on other sessions over this session's days, by participant: what
 * keeps a waitlisted nomination from being promoted automatically.
 */
export async function overlappingSelectionsOf(
  db: DbOrTx,
  sessionId: string,
  participantIds: readonly string[],
): Promise<Map<string, SelectionConflict[]>> {
  const byPerson = new Map<string, SelectionConflict[]>();
  for (const row of await q.selectOverlappingSelections(db, sessionId, participantIds)) {
    byPerson.set(row.participantId, [...(byPerson.get(row.participantId) ?? []), conflictOf(row)]);
  }
  return byPerson;
}
