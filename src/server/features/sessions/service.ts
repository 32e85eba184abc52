import type {
  Quota,
  Session,
  SessionInput,
  SessionListQuery,
  SessionStatus,
  SessionSummary,
  SessionUpdate,
} from '../../../contract/sessions.js';
import type { FieldProblem } from '../../../domain/field-problem.js';
import { hostQuotas } from '../../../domain/host-nation.js';
import { isEditable, isPublished } from '../../../domain/session-lifecycle.js';
import { endOfDayIn } from '../../../domain/venue-calendar.js';
import { isUniqueViolation } from '../../db/errors.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import { conflict, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { notifyCatalogueChanged } from '../catalogue/cache.js';
import type { ServiceContext } from '../context.js';
import { promoteWaitlist } from '../nominations/service.js';
import { releaseRoomLeftBehind } from '../rooms/service.js';
import { selectVenue } from '../venues/queries.js';
import { recordEdit } from './changes/edit.js';
import { draftProblems, rejectIfAny, type SessionDraft } from './checks.js';
import { resolveHostNation } from './host-nation.js';
import { presentSession, presentSessionSummary } from './presenters.js';
import * as q from './queries.js';
import { refuseBrokenMove } from './redating.js';
import { checkStaffConflicts } from './staff/conflicts.js';

async function quotasBySession(ctx: ServiceContext, ids: string[]) {
  const bySession = new Map<string, Quota[]>();
  for (const row of await q.selectQuotas(ctx.tx, ids)) {
    const list = bySession.get(row.sessionId) ?? [];
    list.push({ nationCode: row.nationCode, seats: row.seats });
    bySession.set(row.sessionId, list);
  }
  return bySession;
}

/** One page of the sessions the reader may see, in date order. */
export async function listSessions(
  ctx: ServiceContext,
  query: SessionListQuery,
): Promise<{ items: SessionSummary[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, ['date', 'uuid']);
  const rows = await q.selectSessions(ctx.tx, ctx.actor.scope, query, after, new Date());
  const page = rows.slice(0, query.limit);
  const quotas = await quotasBySession(
    ctx,
    page.map((r) => r.session.id),
  );
  const last = page.at(-1)?.session;
  return {
    items: page.map((r) => presentSessionSummary(r, quotas.get(r.session.id) ?? [], ctx.actor)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.startDate, last.id]) : null,
  };
}

/** The session the reader may see, by code; `lock` holds its row until the transaction ends. */
export async function loadSession(ctx: ServiceContext, code: string, lock = false) {
  const row = await q.selectSession(ctx.tx, ctx.actor.scope, code, lock);
  if (!row) throw notFound(`The session ${code}`);
  return row;
}

async function presentLoaded(ctx: ServiceContext, row: q.JoinedSession): Promise<Session> {
  const { session } = row;
  // One after another: inside a transaction they share one connection.
  const quotas = await quotasBySession(ctx, [session.id]);
  const instructors = await q.selectInstructors(ctx.tx, session.id);
  const directorName = session.directorId
    ? await q.selectUserName(ctx.tx, session.directorId)
    : null;
  return presentSession(
    row,
    quotas.get(session.id) ?? [],
    { directorName, instructors },
    ctx.actor,
  );
}

/** One session the reader may see; one they may not see is "not found", not "forbidden". */
export async function getSession(ctx: ServiceContext, code: string): Promise<Session> {
  return presentLoaded(ctx, await loadSession(ctx, code));
}

/** The venue a session names, or a problem on `venueCode`. */
async function venueOf(ctx: ServiceContext, code: string, problems: FieldProblem[]) {
  const venue = await selectVenue(ctx.tx, code);
  if (!venue) {
    problems.push({
      field: 'venueCode',
      message: `no venue has the code ${code}`,
      code: 'unknown_venue',
    });
  }
  return venue;
}

/** Plans a new session of an activity, as a draft nations do not see yet. */
export async function createSession(ctx: ServiceContext, input: SessionInput): Promise<Session> {
  if (await q.sessionCodeExists(ctx.tx, input.code)) {
    throw conflict('session_exists', `A session with the code ${input.code} already exists.`);
  }
  const problems: FieldProblem[] = [];
  const activityId = await q.selectActivityId(ctx.tx, input.activityCode);
  if (!activityId) {
    problems.push({
      field: 'activityCode',
      message: `no activity has the code ${input.activityCode}`,
      code: 'unknown_activity',
    });
  }
  const venue = await venueOf(ctx, input.venueCode, problems);
  const hostNationCode = venue
    ? await resolveHostNation(ctx.tx, venue, input.hostNationCode, problems)
    : null;
  const draft: SessionDraft = {
    startDate: input.startDate,
    endDate: input.endDate,
    nominationOpens: input.nominationOpens,
    nominationCloses: input.nominationCloses,
    quotaReleaseOn: input.quotaReleaseOn ?? null,
    capacity: input.capacity,
    // A mobile team is for the host's officers: theirs is every seat unless quotas are given.
    quotas: hostQuotas(hostNationCode, input.capacity, input.quotas ?? []),
    directorId: input.directorId ?? null,
    instructorIds: input.instructorIds ?? [],
  };
  const sent = { quotas: true, directorId: true, instructorIds: true };
  problems.push(...(await draftProblems(ctx.tx, draft, 0, sent)));
  rejectIfAny(problems);
  if (!activityId || !venue) throw new Error('unreachable: problems were reported above');
  const staffConflicts = await checkStaffConflicts(
    ctx.tx,
    { sessionId: null, ...draft },
    input.confirmStaffConflicts === true,
  );

  let id: string;
  try {
    const row = await q.insertSession(ctx.tx, {
      code: input.code,
      activityId,
      startDate: draft.startDate,
      endDate: draft.endDate,
      venueCode: venue.code,
      capacity: draft.capacity,
      nominationOpens: draft.nominationOpens,
      nominationCloses: draft.nominationCloses,
      nominationDeadline: endOfDayIn(draft.nominationCloses, venue.timeZone),
      quotaReleaseOn: draft.quotaReleaseOn,
      status: 'draft',
      directorId: draft.directorId,
      hostNationCode,
      language: input.language ?? 'en',
      notes: input.notes ?? null,
      joiningInstructions: input.joiningInstructions ?? null,
    });
    id = row.id;
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('session_exists', `A session with the code ${input.code} already exists.`);
    throw error;
  }
  await q.replaceQuotas(ctx.tx, id, draft.quotas);
  await q.replaceInstructors(ctx.tx, id, draft.instructorIds);
  const session = await getSession(ctx, input.code);
  await notifyCatalogueChanged(ctx.tx);
  await recordAudit(ctx, {
    action: 'session.created',
    entityType: 'session',
    entityId: id,
    after:
      staffConflicts.length > 0 ? { ...session, staffConflictsConfirmed: staffConflicts } : session,
  });
  return session;
}

/**
 * Edits a session's dates, venue, seats and people. Sent quotas replace the set; the
 * deadline is recomputed in the (possibly new) venue's time zone. History cannot change.
 */
export async function updateSession(
  ctx: ServiceContext,
  code: string,
  input: SessionUpdate,
): Promise<Session> {
  const row = await loadSession(ctx, code, true);
  const { session } = row;
  const status = session.status as SessionStatus;
  if (!isEditable(status)) {
    throw conflict(
      'session_not_editable',
      `The session ${code} is ${status}; it can no longer change.`,
    );
  }
  const before = await presentLoaded(ctx, row);
  const problems: FieldProblem[] = [];
  const venue =
    input.venueCode && input.venueCode !== row.venue.code
      ? await venueOf(ctx, input.venueCode, problems)
      : row.venue;
  const venueMoved = venue !== undefined && venue.code !== row.venue.code;
  // A move to another venue takes that venue's default host unless one is named.
  const hostNationCode =
    venue && (input.hostNationCode !== undefined || venueMoved)
      ? await resolveHostNation(ctx.tx, venue, input.hostNationCode, problems)
      : session.hostNationCode;
  const draft: SessionDraft = {
    startDate: input.startDate ?? session.startDate,
    endDate: input.endDate ?? session.endDate,
    nominationOpens: input.nominationOpens ?? session.nominationOpens,
    nominationCloses: input.nominationCloses ?? session.nominationCloses,
    quotaReleaseOn:
      input.quotaReleaseOn !== undefined ? input.quotaReleaseOn : session.quotaReleaseOn,
    capacity: input.capacity ?? session.capacity,
    // Quotas as stored, for the capacity check, when the edit does not replace them.
    quotas: input.quotas ?? before.quotas,
    directorId: input.directorId !== undefined ? input.directorId : session.directorId,
    instructorIds: input.instructorIds ?? before.instructors.map((i) => i.id),
  };
  const sent = {
    quotas: input.quotas !== undefined,
    directorId: input.directorId !== undefined,
    instructorIds: input.instructorIds !== undefined,
  };
  const usage = await q.selectSeatUsage(ctx.tx, session.id, session.poolTaken);
  problems.push(...(await draftProblems(ctx.tx, draft, session.seatsTaken, sent, usage)));
  rejectIfAny(problems);
  if (!venue) throw new Error('unreachable: problems were reported above');
  // Dates moved: every member of staff is checked again; otherwise only those newly put on it.
  const moved = draft.startDate !== session.startDate || draft.endDate !== session.endDate;
  if (isPublished(status) && (moved || venue.code !== row.venue.code)) {
    await refuseBrokenMove(ctx, {
      sessionId: session.id,
      from: { startDate: session.startDate, endDate: session.endDate },
      to: { startDate: draft.startDate, endDate: draft.endDate },
      venue,
    });
  }
  const had = new Set([
    ...(session.directorId ? [session.directorId] : []),
    ...before.instructors.map((i) => i.id),
  ]);
  const staffConflicts = await checkStaffConflicts(
    ctx.tx,
    {
      sessionId: session.id,
      startDate: draft.startDate,
      endDate: draft.endDate,
      directorId:
        draft.directorId && (moved || !had.has(draft.directorId)) ? draft.directorId : null,
      instructorIds: draft.instructorIds.filter((id) => moved || !had.has(id)),
      instructorOrder: draft.instructorIds,
    },
    input.confirmStaffConflicts === true,
  );

  await q.updateSession(ctx.tx, session.id, {
    startDate: draft.startDate,
    endDate: draft.endDate,
    venueCode: venue.code,
    capacity: draft.capacity,
    nominationOpens: draft.nominationOpens,
    nominationCloses: draft.nominationCloses,
    nominationDeadline: endOfDayIn(draft.nominationCloses, venue.timeZone),
    quotaReleaseOn: draft.quotaReleaseOn,
    directorId: draft.directorId,
    hostNationCode,
    ...(input.language !== undefined ? { language: input.language } : {}),
    ...(input.notes !== undefined ? { notes: input.notes } : {}),
    ...(input.joiningInstructions !== undefined
      ? { joiningInstructions: input.joiningInstructions }
      : {}),
    ...(input.promotionPaused !== undefined ? { promotionPaused: input.promotionPaused } : {}),
  });
  if (sent.quotas) await q.replaceQuotas(ctx.tx, session.id, draft.quotas);
  if (sent.instructorIds) await q.replaceInstructors(ctx.tx, session.id, draft.instructorIds);
  const notices = [];
  if (venueMoved) {
    const released = await releaseRoomLeftBehind(ctx, session, venue.code);
    if (released) notices.push(released);
  }
  // Nations see a session once it is announced: from then on, its people hear of each change
  // (those promoted below get their joining instructions as the session stands now).
  if (isPublished(status)) await recordEdit(ctx, before, await getSession(ctx, code));
  // More seats, other quotas or promotion resumed: the waitlist takes what is free now.
  await promoteWaitlist(ctx, session.id, promotionCause(before, input));
  const after = await getSession(ctx, code);
  await notifyCatalogueChanged(ctx.tx);
  await recordAudit(ctx, {
    action: 'session.updated',
    entityType: 'session',
    entityId: session.id,
    before,
    after:
      staffConflicts.length > 0 ? { ...after, staffConflictsConfirmed: staffConflicts } : after,
  });
  return notices.length > 0 ? { ...after, notices } : after;
}

/** Why an edit may promote the waitlist, as the promoted nominations' timelines will say. */
function promotionCause(before: Session, input: SessionUpdate): string {
  if (before.promotionPaused && input.promotionPaused === false) return 'promotion resumed';
  if (input.capacity !== undefined && input.capacity > before.seats.capacity) {
    return `capacity raised to ${input.capacity}`;
  }
  if (input.quotas !== undefined) return 'quotas changed';
  return 'session edited';
}

export { transitionSession } from './transition.js';
