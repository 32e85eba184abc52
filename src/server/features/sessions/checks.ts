import type { Quota } from '../../../contract/sessions.js';
import type { FieldProblem } from '../../../domain/field-problem.js';
import { quotaProblems, type SeatUsage } from '../../../domain/seats.js';
import { type SessionDates, sessionDateProblems } from '../../../domain/session-dates.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import * as q from './queries.js';

/** A session's editable facts once an input is merged over what is stored. */
export interface SessionDraft extends SessionDates {
  capacity: number;
  quotas: Quota[];
  directorId: string | null;
  instructorIds: string[];
}

/** Which references the input carried: only those are checked against other tables. */
export interface Sent {
  quotas: boolean;
  directorId: boolean;
  instructorIds: boolean;
}

/**
 * Every rule the draft breaks, each named by its field: dates out of order, quotas over
 * capacity or twice for a nation, capacity below the seats given, unknown nations, and
 * directors or instructors who are not active users.
 */
export async function draftProblems(
  db: DbOrTx,
  draft: SessionDraft,
  seatsTaken: number,
  sent: Sent,
  usage?: SeatUsage,
): Promise<FieldProblem[]> {
  const problems = [
    ...sessionDateProblems(draft),
    ...quotaProblems(draft.capacity, draft.quotas, seatsTaken, usage),
  ];
  if (sent.quotas) {
    const known = await q.existingNations(
      db,
      draft.quotas.map((quota) => quota.nationCode),
    );
    draft.quotas.forEach((quota, index) => {
      if (!known.has(quota.nationCode)) {
        problems.push({
          field: `quotas.${index}.nationCode`,
          message: `no partner nation has the code ${quota.nationCode}`,
          code: 'unknown_nation',
        });
      }
    });
  }
  const people = [
    ...(sent.directorId && draft.directorId ? [draft.directorId] : []),
    ...(sent.instructorIds ? draft.instructorIds : []),
  ];
  const active = await q.activeUserIds(db, people);
  if (sent.directorId && draft.directorId && !active.has(draft.directorId)) {
    problems.push({
      field: 'directorId',
      message: 'is not an active user',
      code: 'unknown_user',
    });
  }
  if (sent.instructorIds) {
    draft.instructorIds.forEach((id, index) => {
      if (!active.has(id)) {
        problems.push({
          field: `instructorIds.${index}`,
          message: 'is not an active user',
          code: 'unknown_user',
        });
      }
    });
  }
  return problems;
}

/** One 400 listing every problem, so a form can mark all its fields at once. */
export function rejectIfAny(problems: readonly FieldProblem[]): void {
  if (problems.length === 0) return;
  throw new AppError(
    400,
    'validation_failed',
    problems.map((p) => `${p.field}: ${p.message}`).join('; '),
    [...problems],
  );
}
