import type {
  AttendanceBatch,
  AttendanceBatchResult,
  AttendanceMarkInput,
  AttendanceMarkResult,
  AttendanceRoster,
} from '../../../contract/attendance.js';
import type { AttendanceStatus } from '../../../contract/delivery.js';
import { ERROR_CODES } from '../../../contract/errors.js';
import { type DayProblem, dayProblem, decideMark } from '../../../domain/attendance.js';
import { dateIn, workingDaysBetween } from '../../../domain/venue-calendar.js';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { type JoinedSession, selectSession } from '../sessions/queries.js';
import { keepsRoster } from './access.js';
import { auditMark, presentMark, presentParticipant } from './presenters.js';
import * as q from './queries.js';

/** The session's working days in its venue's calendar, and the venue's date now. */
export function calendarOf({ session, venue }: JoinedSession, now: Date) {
  return {
    workingDays: workingDaysBetween(
      session.startDate,
      session.endDate,
      venue.workingDays,
      venue.holidays,
    ),
    today: dateIn(now, venue.timeZone),
  };
}

/**
 * A session whose roster the actor keeps. One they cannot see is "not found"; one they can
 * see but are not assigned to is "forbidden".
 */
export async function loadRosterSession(ctx: ServiceContext, code: string, lock = false) {
  const row = await selectSession(ctx.tx, ctx.actor.scope, code, lock);
  if (!row) throw notFound(`The session ${code}`);
  const teaches = await q.isSessionInstructor(ctx.tx, row.session.id, ctx.actor.id);
  if (!keepsRoster(ctx.actor, row.session, teaches)) throw forbidden();
  return row;
}

export function resultsClosed(code: string) {
  return conflict(
    'results_closed',
    `The results of ${code} are closed; attendance can no longer change unless a registrar reopens them.`,
  );
}

/** The day's roster: working days, selected participants and every mark so far. */
export async function getRoster(ctx: ServiceContext, code: string): Promise<AttendanceRoster> {
  const row = await loadRosterSession(ctx, code);
  const { session, activity, venue } = row;
  const { workingDays, today } = calendarOf(row, new Date());
  const participants = await q.selectRosterParticipants(ctx.tx, session.id);
  const marks = await q.selectSessionMarks(ctx.tx, session.id);
  const closedAt = await q.selectResultsClosedAt(ctx.tx, session.id);
  const selected = new Set(participants.map((p) => p.nominationId));
  return {
    sessionCode: session.code,
    activityTitle: activity.title,
    sessionStatus: session.status,
    timeZone: venue.timeZone,
    workingDays,
    today,
    resultsClosed: closedAt !== null,
    participants: participants.map(presentParticipant),
    // Marks of someone no longer selected stay stored for the results, off the roster.
    marks: marks.filter((m) => selected.has(m.nominationId)).map(presentMark),
  };
}

const PROBLEM_MESSAGE: Record<DayProblem | 'not_a_participant', string> = {
  not_a_session_day: 'is not a working day of the session',
  not_a_participant: 'is not a selected participant of the session',
  day_not_started: 'has not begun yet at the venue',
};

type Problem = { field: string; code: DayProblem | 'not_a_participant' | 'duplicate_mark' };

/** Every mark the batch cannot take, each named by its place; nothing is written if any. */
async function batchProblems(
  ctx: ServiceContext,
  sessionId: string,
  marks: readonly AttendanceMarkInput[],
  calendar: { workingDays: string[]; today: string },
): Promise<Problem[]> {
  const selected = await q.selectedAmong(
    ctx.tx,
    sessionId,
    marks.map((m) => m.nominationId),
  );
  const seen = new Set<string>();
  const problems: Problem[] = [];
  marks.forEach((mark, index) => {
    const key = `${mark.nominationId}|${mark.day}`;
    if (seen.has(key)) problems.push({ field: `marks.${index}`, code: 'duplicate_mark' });
    seen.add(key);
    const day = dayProblem(mark.day, calendar.workingDays, calendar.today);
    if (day) problems.push({ field: `marks.${index}.day`, code: day });
    if (!selected.has(mark.nominationId)) {
      problems.push({ field: `marks.${index}.nominationId`, code: 'not_a_participant' });
    }
  });
  return problems;
}

function rejectProblems(problems: readonly Problem[]): void {
  const first = problems[0];
  if (!first) return;
  const code = first.code === 'duplicate_mark' ? 'validation_failed' : first.code;
  const errors = problems.map((p) => ({
    field: p.field,
    code: p.code,
    message:
      p.code === 'duplicate_mark' ? 'marks the same person and day twice' : PROBLEM_MESSAGE[p.code],
  }));
  throw new AppError(
    ERROR_CODES[code].status,
    code,
    errors.map((e) => `${e.field} ${e.message}`).join('; '),
    errors,
  );
}

/**
 * Writes a batch of marks, as a roster sends them (perhaps long after they were made offline).
 * Each mark builds on the version its sender saw: one that someone else has changed since is
 * not applied and comes back as a conflict with the mark that stands; the others apply. Bad
 * marks (not a session day, not a participant, a day not begun) refuse the whole batch.
 */
export async function markAttendance(
  ctx: ServiceContext,
  code: string,
  batch: AttendanceBatch,
): Promise<AttendanceBatchResult> {
  const row = await loadRosterSession(ctx, code);
  const { session } = row;
  if (session.status === 'cancelled') {
    throw conflict('session_cancelled', `The session ${code} is cancelled.`);
  }
  if (await q.selectResultsClosedAt(ctx.tx, session.id, true)) throw resultsClosed(code);
  rejectProblems(await batchProblems(ctx, session.id, batch.marks, calendarOf(row, new Date())));

  const nominationIds = [...new Set(batch.marks.map((m) => m.nominationId))];
  const days = [...new Set(batch.marks.map((m) => m.day))];
  const stored = new Map(
    (await q.lockMarks(ctx.tx, nominationIds, days)).map((m) => [`${m.nominationId}|${m.day}`, m]),
  );
  const outcomes: AttendanceMarkResult['status'][] = [];
  for (const mark of batch.marks) {
    outcomes.push(await writeMark(ctx, mark, stored.get(`${mark.nominationId}|${mark.day}`)));
  }

  const current = new Map(
    (await q.selectNamedMarks(ctx.tx, nominationIds, days)).map((m) => [
      `${m.nominationId}|${m.day}`,
      presentMark(m),
    ]),
  );
  const results: AttendanceMarkResult[] = batch.marks.map((mark, index) => {
    const now = current.get(`${mark.nominationId}|${mark.day}`);
    if (!now) throw new Error('a mark written in this transaction cannot be read back');
    return {
      nominationId: mark.nominationId,
      day: mark.day,
      status: outcomes[index] ?? 'conflict',
      mark: now,
    };
  });
  const applied = results.filter((r) => r.status === 'applied');
  if (applied.length > 0) {
    await recordAudit(ctx, {
      action: 'attendance.marked',
      entityType: 'session',
      entityId: session.id,
      after: { marks: applied.map((r) => auditMark(r.mark)) },
    });
  }
  return {
    results,
    applied: applied.length,
    unchanged: results.filter((r) => r.status === 'unchanged').length,
    conflicts: results.filter((r) => r.status === 'conflict').length,
  };
}

/** Decides and writes one mark against the stored one (held locked). */
async function writeMark(
  ctx: ServiceContext,
  mark: AttendanceMarkInput,
  stored: q.MarkRow | undefined,
): Promise<AttendanceMarkResult['status']> {
  const values = {
    nominationId: mark.nominationId,
    day: mark.day,
    status: mark.status,
    source: 'roster',
    markedBy: ctx.actor.id,
  };
  const decision = decideMark(
    stored ? { status: stored.status as AttendanceStatus, version: stored.version } : null,
    mark,
  );
  if (decision !== 'apply') return decision === 'unchanged' ? 'unchanged' : 'conflict';
  if (stored) {
    await q.updateMark(ctx.tx, values);
    return 'applied';
  }
  if (await q.insertMark(ctx.tx, values)) return 'applied';
  // Another request made the first mark after our lock found none: decide against it.
  const [theirs] = await q.lockMarks(ctx.tx, [mark.nominationId], [mark.day]);
  return theirs && theirs.status === mark.status ? 'unchanged' : 'conflict';
}
