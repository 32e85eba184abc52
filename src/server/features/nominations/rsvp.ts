import type { ActivityType, EventRole } from '../../../contract/catalogue.js';
import type { RoleRequest, RsvpRequest } from '../../../contract/invitations.js';
import type { NominationStatus } from '../../../contract/nominations.js';
import { roleAllowed } from '../../../domain/activity-kinds.js';
import { rsvpAnswers, rsvpTarget } from '../../../domain/invitations.js';
import { canWithdrawOn, isFinal } from '../../../domain/nomination-lifecycle.js';
import { dateIn } from '../../../domain/venue-calendar.js';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { announceLater } from './announce-job.js';
import { mayAnswer, refuseBadDelegation, roleNotAllowed } from './invitations.js';
import { onBehalfOf } from './on-behalf.js';
import { promoteWaitlisted } from './promotion.js';
import * as q from './queries.js';
import { freeSeat, type SeatSource, takeSeat } from './seats.js';
import { refuseOverlappingSelection } from './selection-conflicts.js';

/**
 * The nation's answer to an invitation (RSVP). Accepting takes a seat by the same path as a
 * selection (`takeSeat`: conditional updates on the session row, so concurrent accepts never
 * overbook) and brings the joining instructions; declining ends the invitation and gives back
 * the seat an earlier acceptance took, which the waitlist may then have.
 */
export async function answerInvitation(
  ctx: ServiceContext,
  id: string,
  request: RsvpRequest,
  now = new Date(),
): Promise<NominationStatus> {
  // Accepting locks the person too, as a selection does: see `refuseOverlappingSelection`.
  const lock = request.answer === 'accept' ? 'with-person' : true;
  const row = await q.selectNomination(ctx.tx, ctx.actor, id, lock);
  if (!row?.nomination.invitedAt) throw notFound(`The invitation ${id}`);
  if (!mayAnswer(row, ctx.actor)) throw forbidden();
  const { nomination } = row;
  const from = nomination.status as NominationStatus;
  const to = rsvpTarget(from, request.answer);
  if (!to) {
    const allowed = rsvpAnswers(from);
    throw new AppError(
      409,
      'not_invited',
      `A ${from} invitation cannot be ${request.answer}ed; allowed: ${allowed.join(', ') || 'none'}.`,
      undefined,
      undefined,
      { allowed },
    );
  }
  if (!canWithdrawOn(dateIn(now, row.venue.timeZone), row.session.startDate)) {
    throw conflict('session_started', `${row.session.code} has started: the answer stands.`);
  }

  const changes: Partial<q.NominationRow> = { status: to, decidedAt: now };
  if (request.answer === 'accept') {
    await refuseOverlappingSelection(ctx.tx, nomination, undefined);
    const source = await takeSeat(ctx.tx, nomination.sessionId, nomination.nationCode);
    if (!source) {
      throw conflict('no_seat', `No seat is left on ${row.session.code}.`);
    }
    changes.seatSource = source;
  } else {
    changes.seatSource = null;
    changes.decisionReason = request.reason ?? null;
  }
  // The person answering for themselves acts for nobody else.
  const behalf =
    row.participant.userId === ctx.actor.id ? null : onBehalfOf(ctx.actor, nomination.nationCode);
  await q.updateNomination(ctx.tx, nomination.id, changes);
  await q.insertEvent(ctx.tx, {
    nominationId: nomination.id,
    actorId: ctx.actor.id,
    action: request.answer,
    fromStatus: from,
    toStatus: to,
    reason: request.reason ?? null,
    onBehalfOf: behalf,
  });
  await recordAudit(ctx, {
    action: request.answer === 'accept' ? 'invitation.accepted' : 'invitation.declined',
    entityType: 'nomination',
    entityId: nomination.id,
    before: { status: from, seatSource: nomination.seatSource },
    after: {
      status: to,
      seatSource: changes.seatSource ?? null,
      reason: request.reason ?? null,
      ...(behalf ? { onBehalfOf: behalf } : {}),
    },
  });
  // An acceptance is a selection to everyone downstream: joining instructions, webhooks.
  await announceLater(ctx.tx, nomination.id, request.answer === 'accept' ? 'select' : 'decline');
  if (from === 'selected' && nomination.seatSource) {
    await freeSeat(
      ctx.tx,
      nomination.sessionId,
      nomination.nationCode,
      nomination.seatSource as SeatSource,
    );
    await promoteWaitlisted(ctx, nomination.sessionId, 'seat freed by a declined invitation', now);
  }
  return to;
}

/**
 * Sets the role a person holds on an event, a visit or an exercise: centre staff on any
 * nomination they see, an NPOC on their own nation's. The role must be one the activity's kind
 * has, and a nation keeps one head of delegation per session.
 */
export async function setEventRole(
  ctx: ServiceContext,
  id: string,
  request: RoleRequest,
): Promise<void> {
  const row = await q.selectNomination(ctx.tx, ctx.actor, id, true);
  if (!row) throw notFound(`The nomination ${id}`);
  const staff = ctx.actor.permissions.has('sessions.manage');
  const npoc = ctx.actor.scope.kind === 'nation' && ctx.actor.roles.includes('npoc');
  if (!staff && !npoc) throw forbidden();
  const { nomination } = row;
  if (isFinal(nomination.status as NominationStatus)) {
    throw conflict('invalid_transition', `A ${nomination.status} nomination keeps its role.`);
  }
  const type = row.activity.type as ActivityType;
  if (!roleAllowed(type, request.role)) throw roleNotAllowed(type, request.role);
  if (nomination.eventRole === request.role) return;
  refuseBadDelegation(
    [request.role as EventRole],
    await q.selectNationRoles(ctx.tx, nomination.sessionId, nomination.nationCode, nomination.id),
  );
  await q.updateNomination(ctx.tx, nomination.id, { eventRole: request.role });
  await recordAudit(ctx, {
    action: 'nomination.role-set',
    entityType: 'nomination',
    entityId: nomination.id,
    before: { eventRole: nomination.eventRole },
    after: { eventRole: request.role },
  });
}
