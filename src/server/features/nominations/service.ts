import type { ActivityType } from '../../../contract/catalogue.js';
import type {
  Nomination,
  NominationInput,
  NominationListQuery,
  NominationStatus,
  NominationSummary,
  NominationTransitionRequest,
} from '../../../contract/nominations.js';
import { rulesOfType } from '../../../domain/activity-kinds.js';
import { allowedActions, targetOf } from '../../../domain/nomination-lifecycle.js';
import { isUniqueViolation } from '../../db/errors.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { checkPlannedLink, plannedLabels } from '../programmes/links.js';
import { selectSession } from '../sessions/queries.js';
import { applyAction, notEligible, problemIfNotAllowed } from './actions.js';
import { eligibilityOf, isTakingNominations, selectSessionFacts } from './eligibility.js';
import { notifyNationOfProposal } from './notices.js';
import { onBehalfOf } from './on-behalf.js';
import { presentNomination, presentNominationSummary } from './presenters.js';
import { promoteWaitlisted } from './promotion.js';
import * as q from './queries.js';
import { waitlistPlaces } from './waitlist.js';

/** One page of the nominations the reader may see, latest session first. */
export async function listNominations(
  ctx: ServiceContext,
  query: NominationListQuery,
): Promise<{ items: NominationSummary[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, ['date', 'uuid']);
  const rows = await q.selectNominations(ctx.tx, ctx.actor, query, after);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => presentNominationSummary(row, ctx.actor)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([last.session.startDate, last.nomination.id])
        : null,
  };
}

/** One nomination with its timeline; another nation's is "not found". */
export async function getNomination(ctx: ServiceContext, id: string): Promise<Nomination> {
  const row = await q.selectNomination(ctx.tx, ctx.actor, id);
  if (!row) throw notFound(`The nomination ${id}`);
  const events = await q.selectEvents(ctx.tx, id);
  const place =
    row.nomination.status === 'waitlisted' && ctx.actor.scope.kind === 'all'
      ? ((await waitlistPlaces(ctx.tx, row.session.id)).get(id) ?? null)
      : null;
  const plannedId = row.nomination.plannedActivityId;
  const planned = plannedId ? (await plannedLabels(ctx.tx, [plannedId])).get(plannedId) : null;
  return { ...presentNomination(row, ctx.actor, events, place), plannedActivity: planned ?? null };
}

/**
 * A nation proposes a person for a session. A nominator's proposal waits for the NPOC; an NPOC
 * keeps a draft or submits at once, which needs every hard eligibility rule met. The session
 * must be open to the nation and taking nominations; the person must be the nation's.
 */
export async function createNomination(
  ctx: ServiceContext,
  input: NominationInput & { submit: boolean },
  now = new Date(),
): Promise<Nomination> {
  const sessionRow = await selectSession(ctx.tx, ctx.actor.scope, input.sessionCode);
  if (!sessionRow) throw notFound(`The session ${input.sessionCode}`);
  refuseIfByInvitation(sessionRow.activity.type as ActivityType, input.sessionCode);
  const person = await q.selectParticipant(ctx.tx, input.participantId);
  if (
    !person ||
    (ctx.actor.scope.kind === 'nation' && person.nationCode !== ctx.actor.scope.nationCode)
  ) {
    throw notFound(`The person ${input.participantId}`);
  }
  const session = await selectSessionFacts(ctx.tx, sessionRow.session.id);
  if (!isTakingNominations(session, now)) {
    throw conflict(
      'window_closed',
      `The session ${session.code} takes nominations from ${session.nominationOpens} to the end of ${session.nominationCloses} (${session.timeZone}).`,
    );
  }
  const eligibility = await eligibilityOf(ctx.tx, session, person, now);
  const submitsNow = input.submit && ctx.actor.permissions.has('nominations.submit');
  const status: NominationStatus = ctx.actor.permissions.has('nominations.submit')
    ? submitsNow
      ? 'submitted'
      : 'draft'
    : 'proposed';
  if (submitsNow && !eligibility.eligible) throw notEligible(eligibility);
  if (input.plannedActivityId) {
    await checkPlannedLink(ctx.tx, input.plannedActivityId, {
      nationCode: person.nationCode,
      activityId: sessionRow.session.activityId,
      startDate: sessionRow.session.startDate,
    });
  }

  let created: q.NominationRow;
  try {
    created = await q.insertNomination(ctx.tx, {
      sessionId: session.id,
      participantId: person.id,
      nationCode: person.nationCode,
      status,
      motivation: input.motivation ?? null,
      proposedBy: ctx.actor.id,
      priority:
        input.priority ??
        (submitsNow ? await q.nextPriority(ctx.tx, session.id, person.nationCode) : null),
      submittedAt: submitsNow ? now : null,
      eligibility,
      plannedActivityId: input.plannedActivityId ?? null,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        'already_nominated',
        `This person already has a nomination for ${session.code} that is still open.`,
      );
    }
    throw error;
  }
  const behalf = onBehalfOf(ctx.actor, person.nationCode);
  await q.insertEvent(ctx.tx, {
    nominationId: created.id,
    actorId: ctx.actor.id,
    action: status === 'submitted' ? 'submit' : status === 'draft' ? 'draft' : 'propose',
    fromStatus: null,
    toStatus: status,
    reason: null,
    onBehalfOf: behalf,
  });
  await recordAudit(ctx, {
    action: 'nomination.created',
    entityType: 'nomination',
    entityId: created.id,
    after: behalf ? { ...created, onBehalfOf: behalf } : created,
  });
  if (status === 'proposed') await notifyNationOfProposal(ctx, created, session);
  return getNomination(ctx, created.id);
}

/**
 * 422 `invitation_only` on a session whose activity's kind gives seats by the centre's
 * invitations by name (a dialogue event, a visit): a nation answers an invitation, it does not
 * nominate. Checked before anything else is read, so nothing is written.
 */
export function refuseIfByInvitation(type: ActivityType, sessionCode: string): void {
  if (rulesOfType(type).seats !== 'invitation') return;
  throw new AppError(
    422,
    'invitation_only',
    `Seats on ${sessionCode} (a ${type}) are given by the centre's invitations by name; it takes no nominations.`,
  );
}

/** The transition without the read-back, so bulk decisions can run many in one transaction. */
export async function applyTransition(
  ctx: ServiceContext,
  id: string,
  request: NominationTransitionRequest,
  now: Date,
  held: readonly string[] = [],
): Promise<NominationStatus> {
  // A selection locks the person too: see `refuseOverlappingSelection`.
  const lock = request.action === 'select' ? 'with-person' : true;
  const row = await q.selectNomination(ctx.tx, ctx.actor, id, lock);
  if (!row) throw notFound(`The nomination ${id}`);
  const from = row.nomination.status as NominationStatus;
  const to = targetOf(from, request.action);
  if (to === null) {
    const allowed = allowedActions(from);
    throw new AppError(
      409,
      'invalid_transition',
      `A ${from} nomination cannot be ${request.action}ed; allowed: ${allowed.join(', ') || 'none (it is final)'}.`,
      undefined,
      undefined,
      { allowed },
    );
  }
  problemIfNotAllowed(ctx, row, request);
  await applyAction(ctx, row, request, to, now, held);
  return to;
}

/**
 * Offers a session's free seats to its waitlist, as far as they go, unless promotion is paused
 * there: for other features whose changes add seats (capacity, quotas, un-pausing). Runs in the
 * caller's transaction, after the caller has written its change. Returns how many were promoted.
 */
export async function promoteWaitlist(
  ctx: ServiceContext,
  sessionId: string,
  cause: string,
  now = new Date(),
): Promise<number> {
  return (await promoteWaitlisted(ctx, sessionId, cause, now)).length;
}
