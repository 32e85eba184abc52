import type { CheckInCode, CheckInResult } from '../../../contract/attendance.js';
import { checkInTiming, dayProblem, parseCheckInCode } from '../../../domain/attendance.js';
import { endOfDayIn } from '../../../domain/venue-calendar.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { selectSession } from '../sessions/queries.js';
import {
  checkInUrl,
  isGenuineSignature,
  newCheckInSecret,
  qrSvgOf,
  signCheckInCode,
} from './check-in-code.js';
import { auditMark, presentMark } from './presenters.js';
import * as q from './queries.js';
import { calendarOf, loadRosterSession, resultsClosed } from './service.js';

const invalidCode = () =>
  new AppError(400, 'invalid_code', 'This check-in code is not valid for today.');

/**
 * The code participants scan on one working day of the session, signed with that day's
 * secret (made on the first request) and valid until the end of the day at the venue.
 */
export async function getCheckInCode(
  ctx: ServiceContext,
  code: string,
  day: string,
): Promise<CheckInCode> {
  const row = await loadRosterSession(ctx, code);
  const { session, venue } = row;
  const { workingDays } = calendarOf(row, new Date());
  if (dayProblem(day, workingDays, day) === 'not_a_session_day') {
    throw new AppError(400, 'not_a_session_day', `${day} is not a working day of ${code}.`, [
      { field: 'day', message: 'is not a working day of the session', code: 'not_a_session_day' },
    ]);
  }
  const { secret, created } = await q.ensureCheckInSecret(
    ctx.tx,
    session.id,
    day,
    newCheckInSecret(),
  );
  if (created) {
    await recordAudit(ctx, {
      action: 'attendance.check-in-opened',
      entityType: 'session',
      entityId: session.id,
      after: { day },
    });
  }
  const signed = signCheckInCode(secret, session.code, day);
  const url = checkInUrl(signed);
  return {
    sessionCode: session.code,
    day,
    code: signed,
    url,
    expiresAt: endOfDayIn(day, venue.timeZone).toISOString(),
    qrSvg: await qrSvgOf(url),
  };
}

/**
 * Marks the caller present on the day a scanned code names, on their own selected nomination.
 * A forged or wrong-day code is refused, an old one has expired; a caller who already has a
 * mark that day (their own scan or the roster's) keeps it, and is told so.
 */
export async function checkIn(ctx: ServiceContext, scanned: string): Promise<CheckInResult> {
  const parsed = parseCheckInCode(scanned);
  if (!parsed) throw invalidCode();
  const sessionId = await q.selectSessionIdByCode(ctx.tx, parsed.sessionCode);
  const secret = sessionId ? await q.selectCheckInSecret(ctx.tx, sessionId, parsed.day) : null;
  if (
    !sessionId ||
    !secret ||
    !isGenuineSignature(secret, parsed.sessionCode, parsed.day, parsed.signature)
  ) {
    throw invalidCode();
  }
  const nominationId = await q.selectOwnSelectedNomination(ctx.tx, sessionId, ctx.actor.id);
  if (!nominationId) throw notFound('Your place on this session');
  const row = await selectSession(ctx.tx, { kind: 'all' }, parsed.sessionCode);
  if (!row) throw notFound('Your place on this session');
  const timing = checkInTiming(parsed.day, calendarOf(row, new Date()).today);
  if (timing === 'expired') {
    throw new AppError(
      410,
      'code_expired',
      'This check-in code has expired; it was for another day.',
    );
  }
  if (timing === 'early') throw invalidCode();
  if (row.session.status === 'cancelled') {
    throw conflict('session_cancelled', `The session ${row.session.code} is cancelled.`);
  }
  if (await q.selectResultsClosedAt(ctx.tx, sessionId, true)) throw resultsClosed(row.session.code);

  const inserted = await q.insertMark(ctx.tx, {
    nominationId,
    day: parsed.day,
    status: 'present',
    source: 'check-in',
    markedBy: ctx.actor.id,
  });
  const [stored] = await q.selectNamedMarks(ctx.tx, [nominationId], [parsed.day]);
  if (!stored) throw new Error('a check-in mark cannot be read back');
  const mark = presentMark(stored);
  if (inserted) {
    await recordAudit(ctx, {
      action: 'attendance.checked-in',
      entityType: 'nomination',
      entityId: nominationId,
      after: auditMark(mark),
    });
  }
  return {
    sessionCode: row.session.code,
    activityTitle: row.activity.title,
    day: parsed.day,
    alreadyMarked: !inserted,
    mark,
  };
}
