import type { StaffConflict } from '../../../../contract/sessions.js';
import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../http/errors.js';
import { selectStaffClashes } from './queries.js';

/** The staff and dates a session would have once the input is applied. */
export interface StaffedDates {
  sessionId: string | null;
  startDate: string;
  endDate: string;
  directorId: string | null;
  instructorIds: string[];
  /** The instructors as the input lists them, to name the field of a clash; default the above. */
  instructorOrder?: string[];
}

/**
 * Refuses, with 409 `staff_conflict` naming each clash, to put a director or instructor on a
 * session that overlaps another of theirs, unless the registrar has confirmed it. A person is
 * rarely in two places at once; when they are (a director who only opens a course), the
 * registrar says so and the clash is kept in the audit record of the change.
 */
export async function checkStaffConflicts(
  db: DbOrTx,
  planned: StaffedDates,
  confirmed: boolean,
): Promise<StaffConflict[]> {
  const userIds = [
    ...new Set([...(planned.directorId ? [planned.directorId] : []), ...planned.instructorIds]),
  ];
  const clashes = await selectStaffClashes(db, { ...planned, userIds });
  if (clashes.length === 0 || confirmed) return clashes;
  const first = clashes[0] as StaffConflict;
  const more = clashes.length > 1 ? ` and ${clashes.length - 1} more` : '';
  throw new AppError(
    409,
    'staff_conflict',
    `${first.displayName} is already ${first.role} of ${first.sessionCode} (${first.startDate} to ${first.endDate})${more}. Send confirmStaffConflicts: true to keep them on both.`,
    clashes.map((clash) => ({
      field:
        clash.userId === planned.directorId
          ? 'directorId'
          : `instructorIds.${(planned.instructorOrder ?? planned.instructorIds).indexOf(clash.userId)}`,
      message: `is ${clash.role} of ${clash.sessionCode} from ${clash.startDate} to ${clash.endDate}`,
      code: 'staff_conflict',
    })),
    undefined,
    { conflicts: clashes },
  );
}
