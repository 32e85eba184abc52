import type {
  Eligibility,
  NominationStatus,
  NominationTransitionRequest,
  SelectionConflict,
} from '../../../contract/nominations.js';
import { canWithdrawOn, reasonRequired } from '../../../domain/nomination-lifecycle.js';
import { dateIn } from '../../../domain/venue-calendar.js';
import { AppError, conflict, forbidden, invalid } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { announceLater } from './announce-job.js';
import { eligibilityOf, isTakingNominations, selectSessionFacts } from './eligibility.js';
import { onBehalfOf } from './on-behalf.js';
import { actionsOf } from './presenters.js';
import { promoteWaitlisted } from './promotion.js';
import * as q from './queries.js';
import { freeSeat, type SeatSource, takeSeat } from './seats.js';
import { refuseOverlappingSelection } from './selection-conflicts.js';

/** 422 with the explanation, so the person picker can show which rule failed. */
export function notEligible(eligibility: Eligibility): AppError {
  const failing = eligibility.lines.filter((line) => line.outcome === 'fail').map((l) => l.rule);
  return new AppError(
    422,
    'not_eligible',
    `The person does not meet: ${[...new Set(failing)].join(', ')}. A registrar may override with a written justification.`,
    undefined,
    undefined,
    { eligibility },
  );
}

/** The reader's role must allow the move on this nomination, with a reason where one is owed. */
export function problemIfNotAllowed(
  ctx: ServiceContext,
  row: q.JoinedNomination,
  request: NominationTransitionRequest,
): void {
  if (!actionsOf(row, ctx.actor).includes(request.action)) throw forbidden();
  if (reasonRequired(request.action) && !request.reason) {
    throw invalid('reason', `a reason is required to ${request.action}`, 'required');
  }
  problemIfOverrideMisplaced(ctx, request);
}

/** An override of a selection conflict goes with a selection, and only a registrar writes one. */
export function problemIfOverrideMisplaced(
  ctx: ServiceContext,
  request: Pick<NominationTransitionRequest, 'action' | 'overrideConflict'>,
): void {
  if (!request.overrideConflict) return;
  if (request.action !== 'select') {
    throw invalid('overrideConflict', 'goes only with the select action', 'select_only');
  }
  if (!ctx.actor.permissions.has('nominations.override')) throw forbidden();
}

/** The decisions after which the waitlist is offered whatever seats are free. */
const PROMOTING: ReadonlySet<NominationTransitionRequest['action']> = new Set([
  'withdraw',
  'reject',
  'waitlist',
]);

/**
 * Does what the action means: seats are taken and freed here, and after a withdrawal, a
 * rejection or a waitlisting the waitlist is promoted as far as seats allow. The nominations in
 * `held` (this one, when a registrar waitlists it, and the rest of a bulk waitlisting) are not
 * promoted by that run. Every move leaves an event and an audit record.
 */
export async function applyAction(
  ctx: ServiceContext,
  row: q.JoinedNomination,
  request: NominationTransitionRequest,
  to: NominationStatus,
  now: Date,
  held: readonly string[] = [],
): Promise<void> {
  const { nomination } = row;
  const from = nomination.status as NominationStatus;
  const session = await selectSessionFacts(ctx.tx, row.session.id);
  const changes: Partial<q.NominationRow> = { status: to };
  const reason = request.reason ?? null;

  switch (request.action) {
    case 'submit': {
      if (!isTakingNominations(session, now)) {
        throw conflict('window_closed', `Nominations for ${session.code} are closed.`);
      }
      const person = await q.selectParticipant(ctx.tx, nomination.participantId);
      if (!person) throw new Error(`participant ${nomination.participantId} vanished`);
      const eligibility = await eligibilityOf(ctx.tx, session, person, now);
      if (!eligibility.eligible && nomination.overrideJustification === null) {
        throw notEligible(eligibility);
      }
      changes.eligibility = eligibility;
      changes.submittedAt = now;
      changes.priority =
        nomination.priority ?? (await q.nextPriority(ctx.tx, session.id, nomination.nationCode));
      break;
    }
    case 'withdraw':
      if (!canWithdrawOn(dateIn(now, session.timeZone), session.startDate)) {
        throw conflict(
          'session_started',
          `${session.code} started on ${session.startDate}; a nomination can no longer be withdrawn.`,
        );
      }
      changes.seatSource = null;
      changes.decisionReason = reason;
      break;
    case 'reject':
      changes.seatSource = null;
      changes.decidedAt = now;
      changes.decisionReason = reason;
      break;
    case 'select':
    case 'waitlist':
      changes.decidedAt = now;
      changes.decisionReason = reason;
      break;
    case 'decline':
      changes.decisionReason = reason;
      break;
  }

  // The session row is the one every selection on the session waits for, so it is locked as
  // late as possible; the news of the decision is a job, enqueued last.
  let overridden: SelectionConflict[] = [];
  if (request.action === 'select') {
    overridden = await refuseOverlappingSelection(ctx.tx, nomination, request.overrideConflict);
    const source = await takeSeat(ctx.tx, session.id, nomination.nationCode);
    if (!source) {
      throw conflict(
        'no_seat',
        `No seat is left on ${session.code} in ${nomination.nationCode}'s quota or the open pool.`,
      );
    }
    changes.seatSource = source;
  }
  // A selection over an overlapping one is its own kind of event, carrying the written reason.
  const override =
    overridden.length > 0 && request.overrideConflict
      ? { reason: request.overrideConflict.reason, sessions: overridden.map((c) => c.sessionCode) }
      : null;
  const behalf = onBehalfOf(ctx.actor, nomination.nationCode, request.action);
  await q.updateNomination(ctx.tx, nomination.id, changes);
  await q.insertEvent(ctx.tx, {
    nominationId: nomination.id,
    actorId: ctx.actor.id,
    action: override ? 'select-over-conflict' : request.action,
    fromStatus: from,
    toStatus: to,
    reason: override ? override.reason : reason,
    onBehalfOf: behalf,
  });
  await recordAudit(ctx, {
    action: `nomination.${request.action}`,
    entityType: 'nomination',
    entityId: nomination.id,
    before: { status: from, seatSource: nomination.seatSource },
    after: {
      status: to,
      seatSource: changes.seatSource ?? null,
      reason,
      ...(override ? { conflictOverride: override } : {}),
      ...(behalf ? { onBehalfOf: behalf } : {}),
    },
  });
  await announceLater(ctx.tx, nomination.id, request.action);
  const freed = await releaseSeatOf(ctx, nomination);
  if (PROMOTING.has(request.action)) {
    const cause = freed ? `seat freed by ${request.action}` : `seats free after ${request.action}`;
    await promoteWaitlisted(ctx, session.id, cause, now, {
      held: request.action === 'waitlist' ? [nomination.id, ...held] : held,
    });
  }
}

/** Gives back the seat a selected nomination holds; true when there was one. */
async function releaseSeatOf(ctx: ServiceContext, nomination: q.NominationRow): Promise<boolean> {
  if (nomination.status !== 'selected' || !nomination.seatSource) return false;
  await freeSeat(
    ctx.tx,
    nomination.sessionId,
    nomination.nationCode,
    nomination.seatSource as SeatSource,
  );
  return true;
}
