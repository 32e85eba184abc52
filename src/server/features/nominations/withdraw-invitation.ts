import type { InvitationWithdrawal } from '../../../contract/invitations.js';
import type { NominationStatus } from '../../../contract/nominations.js';
import { rsvpStateOf } from '../../../domain/invitations.js';
import { canWithdrawOn } from '../../../domain/nomination-lifecycle.js';
import { dateIn } from '../../../domain/venue-calendar.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { emitNominationDecided } from '../webhooks/events.js';
import { announceLater } from './announce-job.js';
import { promoteWaitlisted } from './promotion.js';
import * as q from './queries.js';
import { freeSeat, type SeatSource } from './seats.js';

/** The states of an invitation the centre may still take back: awaiting an answer, accepted. */
const WITHDRAWABLE: readonly NominationStatus[] = ['invited', 'selected'];

/**
 * The centre takes back its invitation by name, pending or accepted, with a reason: the
 * nomination ends `withdrawn`, the seat an acceptance took is given back (and the waitlist may
 * have it), and the nation's NPOCs are told by e-mail through the `nominations.announce` job.
 * 409 `invitation_closed` when it was declined or withdrawn already; 409 `session_started` once
 * the session has begun. The nomination row is locked first, so a concurrent answer waits.
 */
export async function withdrawInvitation(
  ctx: ServiceContext,
  id: string,
  request: InvitationWithdrawal,
  now = new Date(),
): Promise<void> {
  const row = await q.selectNomination(ctx.tx, ctx.actor, id, true);
  if (!row?.nomination.invitedAt) throw notFound(`The invitation ${id}`);
  const { nomination } = row;
  const from = nomination.status as NominationStatus;
  if (!WITHDRAWABLE.includes(from)) {
    throw new AppError(
      409,
      'invitation_closed',
      `This invitation is ${from} already: only a pending or an accepted invitation can be withdrawn.`,
      undefined,
      undefined,
      { rsvp: rsvpStateOf(from) },
    );
  }
  if (!canWithdrawOn(dateIn(now, row.venue.timeZone), row.session.startDate)) {
    throw conflict('session_started', `${row.session.code} has started: the invitation stands.`);
  }
  await q.updateNomination(ctx.tx, nomination.id, {
    status: 'withdrawn',
    seatSource: null,
    decidedAt: now,
    decisionReason: request.reason,
  });
  await q.insertEvent(ctx.tx, {
    nominationId: nomination.id,
    actorId: ctx.actor.id,
    action: 'withdraw',
    fromStatus: from,
    toStatus: 'withdrawn',
    reason: request.reason,
    onBehalfOf: null,
  });
  await recordAudit(ctx, {
    action: 'invitation.withdrawn',
    entityType: 'nomination',
    entityId: nomination.id,
    before: { status: from, seatSource: nomination.seatSource },
    after: { status: 'withdrawn', seatSource: null, reason: request.reason },
  });
  await announceLater(ctx.tx, nomination.id, 'uninvite');
  // To webhook receivers it is a withdrawal like any other.
  await emitNominationDecided(ctx.tx, nomination.id, 'withdraw');
  if (from === 'selected' && nomination.seatSource) {
    await freeSeat(
      ctx.tx,
      nomination.sessionId,
      nomination.nationCode,
      nomination.seatSource as SeatSource,
    );
    await promoteWaitlisted(ctx, nomination.sessionId, 'seat freed by a withdrawn invitation', now);
  }
}
