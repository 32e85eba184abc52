import type { ActivityType } from '../../../contract/catalogue.js';
import type {
  BulkDecisionRequest,
  BulkDecisionResult,
  Nomination,
  NominationStatus,
  SelectionConflict,
} from '../../../contract/nominations.js';
import { canSubstitute, canWithdrawOn } from '../../../domain/nomination-lifecycle.js';
import { dateIn } from '../../../domain/venue-calendar.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { selectSession } from '../sessions/queries.js';
import { notEligible, problemIfOverrideMisplaced } from './actions.js';
import { announceLater } from './announce-job.js';
import { eligibilityOf, selectSessionFacts } from './eligibility.js';
import { onBehalfOf } from './on-behalf.js';
import * as q from './queries.js';
import { applyTransition, getNomination, refuseIfByInvitation } from './service.js';

const OVERRIDABLE: NominationStatus[] = ['draft', 'proposed', 'submitted', 'waitlisted'];

/**
 * A registrar accepts a person who fails a hard rule, in writing. The justification is kept on
 * the nomination, in its timeline and in the audit trail; the nation may then submit.
 */
export async function overrideEligibility(
  ctx: ServiceContext,
  id: string,
  justification: string,
): Promise<Nomination> {
  const row = await q.selectNomination(ctx.tx, ctx.actor, id, true);
  if (!row) throw notFound(`The nomination ${id}`);
  const status = row.nomination.status as NominationStatus;
  if (!OVERRIDABLE.includes(status)) {
    throw conflict(
      'invalid_transition',
      `Eligibility can be overridden only before a decision; this nomination is ${status}.`,
    );
  }
  await q.updateNomination(ctx.tx, id, {
    overrideJustification: justification,
    overriddenBy: ctx.actor.id,
  });
  await q.insertEvent(ctx.tx, {
    nominationId: id,
    actorId: ctx.actor.id,
    action: 'override',
    fromStatus: status,
    toStatus: status,
    reason: justification,
  });
  await recordAudit(ctx, {
    action: 'nomination.override',
    entityType: 'nomination',
    entityId: id,
    before: { overrideJustification: row.nomination.overrideJustification },
    after: { overrideJustification: justification },
  });
  await announceLater(ctx.tx, id, 'override');
  return getNomination(ctx, id);
}

/**
 * The nation puts another of its people on a seat it holds: the seat stays taken, the old
 * nomination ends as `substituted`, the new one starts selected after its own eligibility check.
 */
export async function substitute(
  ctx: ServiceContext,
  id: string,
  input: { participantId: string; reason: string },
  now = new Date(),
): Promise<Nomination> {
  const row = await q.selectNomination(ctx.tx, ctx.actor, id, true);
  if (!row) throw notFound(`The nomination ${id}`);
  if (!ctx.actor.permissions.has('nominations.submit')) throw forbidden();
  const old = row.nomination;
  if (!canSubstitute(old.status as NominationStatus)) {
    throw conflict(
      'invalid_transition',
      `Only a selected nomination can be substituted; this one is ${old.status}.`,
    );
  }
  // A seat given by the centre's invitation is the invitee's: the centre invites a replacement.
  refuseIfByInvitation(row.activity.type as ActivityType, row.session.code);
  const session = await selectSessionFacts(ctx.tx, old.sessionId);
  if (!canWithdrawOn(dateIn(now, session.timeZone), session.startDate)) {
    throw conflict(
      'session_started',
      `${session.code} has started; its participants can no longer change.`,
    );
  }
  const person = await q.selectParticipant(ctx.tx, input.participantId);
  if (!person || person.nationCode !== old.nationCode) {
    throw notFound(`The person ${input.participantId}`);
  }
  if (person.id === old.participantId) {
    throw invalid('participantId', 'choose a different person', 'same_person');
  }
  const eligibility = await eligibilityOf(ctx.tx, session, person, now);
  // The window may be closed by now; a substitution keeps a seat given in time.
  const relevant = eligibility.lines.filter((line) => line.rule !== 'window');
  const eligible = relevant.every((line) => line.outcome !== 'fail');
  if (!eligible) throw notEligible({ lines: relevant, eligible });

  await q.updateNomination(ctx.tx, old.id, { status: 'substituted', seatSource: null });
  let created: q.NominationRow;
  try {
    created = await q.insertNomination(ctx.tx, {
      sessionId: old.sessionId,
      participantId: person.id,
      nationCode: old.nationCode,
      status: 'selected',
      motivation: input.reason,
      proposedBy: ctx.actor.id,
      priority: old.priority,
      submittedAt: now,
      decidedAt: now,
      seatSource: old.seatSource,
      eligibility: { lines: relevant, eligible },
      substituteFor: old.id,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        'already_nominated',
        'This person already has an open nomination for the session.',
      );
    }
    throw error;
  }
  const behalf = onBehalfOf(ctx.actor, old.nationCode, 'substitute');
  for (const [nominationId, from, to] of [
    [old.id, 'selected', 'substituted'],
    [created.id, null, 'selected'],
  ] as const) {
    await q.insertEvent(ctx.tx, {
      nominationId,
      actorId: ctx.actor.id,
      action: 'substitute',
      fromStatus: from,
      toStatus: to,
      reason: input.reason,
      onBehalfOf: behalf,
    });
  }
  await recordAudit(ctx, {
    action: 'nomination.substituted',
    entityType: 'nomination',
    entityId: old.id,
    before: { participantId: old.participantId },
    after: {
      participantId: person.id,
      nominationId: created.id,
      reason: input.reason,
      ...(behalf ? { onBehalfOf: behalf } : {}),
    },
  });
  await announceLater(ctx.tx, created.id, 'select');
  return getNomination(ctx, created.id);
}

/**
 * Many decisions in one request. Each runs in its own savepoint, so one refusal (no seat left,
 * a state that does not allow it) is reported for its row and the others still apply.
 */
export async function bulkDecide(
  ctx: ServiceContext,
  sessionCode: string,
  request: BulkDecisionRequest,
  now = new Date(),
): Promise<BulkDecisionResult> {
  const session = await selectSession(ctx.tx, ctx.actor.scope, sessionCode);
  if (!session) throw notFound(`The session ${sessionCode}`);
  if (request.action === 'reject' && !request.reason) {
    throw invalid('reason', 'a reason is required to reject', 'required');
  }
  problemIfOverrideMisplaced(ctx, request);
  // Every row's person at once, in one order: two bulk selections sharing people on two
  // sessions then wait for each other instead of deadlocking row by row.
  if (request.action === 'select') await q.lockPeopleOf(ctx.tx, request.nominationIds);
  const results: BulkDecisionResult['results'] = [];
  for (const nominationId of [...new Set(request.nominationIds)]) {
    try {
      const status = await ctx.tx.transaction(async (tx) => {
        const row = await q.selectNomination(tx, ctx.actor, nominationId);
        if (!row || row.session.id !== session.session.id) {
          throw notFound(`The nomination ${nominationId} on ${sessionCode}`);
        }
        // A bulk waitlisting is deliberate for every row: none promotes another of the batch.
        const held = request.action === 'waitlist' ? request.nominationIds : [];
        return applyTransition({ ...ctx, tx }, nominationId, request, now, held);
      });
      results.push({ nominationId, ok: true, status, code: null, detail: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const conflicts = error.extra?.conflicts as SelectionConflict[] | undefined;
      results.push({
        nominationId,
        ok: false,
        status: null,
        code: error.code,
        detail: error.message,
        ...(conflicts ? { conflicts } : {}),
      });
    }
  }
  return { results };
}

/** The NPOC ranks the nation's nominations for a session: first choice first. */
export async function setPriorities(
  ctx: ServiceContext,
  sessionCode: string,
  nominationIds: string[],
): Promise<void> {
  if (ctx.actor.scope.kind !== 'nation') throw forbidden();
  const nationCode = ctx.actor.scope.nationCode;
  const session = await selectSession(ctx.tx, ctx.actor.scope, sessionCode);
  if (!session) throw notFound(`The session ${sessionCode}`);
  const live = await q.selectNationNominations(ctx.tx, session.session.id, nationCode);
  const liveIds = new Set(live.map((n) => n.id));
  const unknown = nominationIds.filter((nid) => !liveIds.has(nid));
  if (unknown.length > 0 || new Set(nominationIds).size !== nominationIds.length) {
    throw invalid(
      'nominationIds',
      `list each of your open nominations for ${sessionCode} once; unknown or repeated: ${unknown.join(', ') || 'a repeated id'}`,
    );
  }
  for (const [index, nid] of nominationIds.entries()) {
    await q.updateNomination(ctx.tx, nid, { priority: index + 1 });
  }
  await recordAudit(ctx, {
    action: 'nomination.prioritised',
    entityType: 'session',
    entityId: session.session.id,
    after: { nationCode, order: nominationIds },
  });
}
