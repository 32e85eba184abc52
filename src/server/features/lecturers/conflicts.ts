import type { LecturerConflict } from '../../../contract/lecturers.js';
import { overlappingPeriods } from '../../../domain/bookings.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { type LecturerRow, type SessionDays, selectLecturerClashes } from './queries.js';

/**
 * What stands against these lecturers on this session's days: their other sessions, and the
 * periods they said they are away. Keyed by lecturer id.
 */
export async function lecturerConflicts(
  db: DbOrTx,
  session: SessionDays,
  people: readonly LecturerRow[],
): Promise<Map<string, LecturerConflict[]>> {
  const clashes = await selectLecturerClashes(db, {
    sessionId: session.id,
    startDate: session.startDate,
    endDate: session.endDate,
    lecturerIds: people.map((p) => p.id),
  });
  const days = { from: session.startDate, to: session.endDate };
  const byLecturer = new Map<string, LecturerConflict[]>();
  for (const person of people) {
    const conflicts: LecturerConflict[] = clashes
      .filter((clash) => clash.lecturerId === person.id)
      .map((clash) => ({
        kind: 'session',
        sessionCode: clash.sessionCode,
        role: clash.role,
        startDate: clash.startDate,
        endDate: clash.endDate,
      }));
    for (const period of overlappingPeriods(person.unavailable, days)) {
      conflicts.push({ kind: 'unavailable', from: period.from, to: period.to, note: period.note });
    }
    byLecturer.set(person.id, conflicts);
  }
  return byLecturer;
}

/**
 * Refuses, with 409 `lecturer_conflict` listing why, to put a lecturer on a session that
 * overlaps another of theirs or falls in a period they are away, unless the registrar has
 * confirmed it (a speaker who gives one talk can be on two events the same week). The conflicts
 * kept are returned for the audit record.
 */
export async function checkLecturerConflicts(
  db: DbOrTx,
  session: SessionDays,
  lecturer: LecturerRow,
  confirmed: boolean,
): Promise<LecturerConflict[]> {
  const conflicts = (await lecturerConflicts(db, session, [lecturer])).get(lecturer.id) ?? [];
  if (conflicts.length === 0 || confirmed) return conflicts;
  const reasons = conflicts.map((c) =>
    c.kind === 'session'
      ? `is ${c.role} of ${c.sessionCode} (${c.startDate} to ${c.endDate})`
      : `is unavailable from ${c.from} to ${c.to}`,
  );
  throw new AppError(
    409,
    'lecturer_conflict',
    `${lecturer.nameLatin} ${reasons.join('; ')}. Send confirmConflicts: true to assign them anyway.`,
    conflicts.map((c, i) => ({
      field: 'lecturerId',
      message: reasons[i] ?? '',
      code: c.kind === 'session' ? 'lecturer_double_booked' : 'lecturer_unavailable',
    })),
    undefined,
    { conflicts },
  );
}
