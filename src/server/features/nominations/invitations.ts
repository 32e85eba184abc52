import type { ActivityType, EventRole } from '../../../contract/catalogue.js';
import type { Invitation, InvitationRequest } from '../../../contract/invitations.js';
import type { NominationStatus } from '../../../contract/nominations.js';
import {
  delegationProblem,
  roleAllowed,
  rolesOfType,
  rulesOfType,
} from '../../../domain/activity-kinds.js';
import { rsvpAnswers, rsvpStateOf } from '../../../domain/invitations.js';
import { canWithdrawOn } from '../../../domain/nomination-lifecycle.js';
import { dateIn } from '../../../domain/venue-calendar.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Actor } from '../../http/actor.js';
import { AppError, conflict, invalid, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { selectSession } from '../sessions/queries.js';
import { announceLater } from './announce-job.js';
import { eligibilityOf, selectSessionFacts } from './eligibility.js';
import * as q from './queries.js';

/** 422 naming the roles the activity's kind has, so a picker can offer them. */
export function roleNotAllowed(type: ActivityType, role: EventRole): AppError {
  const allowed = [...rolesOfType(type)];
  return new AppError(
    422,
    'role_not_allowed',
    allowed.length === 0
      ? `A ${type} has participants only; no role is recorded.`
      : `A ${type} has no ${role}; its roles are ${allowed.join(', ')}.`,
    undefined,
    undefined,
    { allowed },
  );
}

/** 422 when a delegation would have no head, or two. */
export function refuseBadDelegation(added: EventRole[], held: string[]): void {
  const problem = delegationProblem(added, held as EventRole[]);
  if (!problem) return;
  throw new AppError(
    422,
    'delegation_head',
    problem === 'two_heads'
      ? 'A delegation has one head of delegation, not two.'
      : 'People invited together are a delegation: mark one of them head of delegation.',
  );
}

/**
 * The centre invites people of one nation by name to a session whose activity gives seats by
 * invitation: each becomes an `invited` nomination with its role, and the nation's NPOCs (and
 * the person, with an account) hear of it through the `nominations.announce` job. No seat is
 * taken until the nation accepts. Returns the invitations as the registrar sees them.
 */
export async function inviteToSession(
  ctx: ServiceContext,
  sessionCode: string,
  input: InvitationRequest,
  now = new Date(),
): Promise<Invitation[]> {
  const sessionRow = await selectSession(ctx.tx, ctx.actor.scope, sessionCode);
  if (!sessionRow) throw notFound(`The session ${sessionCode}`);
  const type = sessionRow.activity.type as ActivityType;
  if (rulesOfType(type).seats !== 'invitation') {
    throw new AppError(
      422,
      'seats_by_quota',
      `A ${type} gives its seats through the nations' nominations, not by invitation.`,
    );
  }
  for (const invitee of input.invitees) {
    if (!roleAllowed(type, invitee.role)) throw roleNotAllowed(type, invitee.role);
  }
  const session = await selectSessionFacts(ctx.tx, sessionRow.session.id);
  if (
    session.status === 'cancelled' ||
    !canWithdrawOn(dateIn(now, session.timeZone), session.startDate)
  ) {
    throw conflict(
      'session_started',
      `${session.code} has started or is cancelled: nobody can be invited to it.`,
    );
  }
  const people = [];
  for (const invitee of input.invitees) {
    const person = await q.selectParticipant(ctx.tx, invitee.participantId);
    if (!person) throw notFound(`The person ${invitee.participantId}`);
    people.push({ person, role: invitee.role });
  }
  const nationCode = people[0]?.person.nationCode ?? '';
  if (people.some((p) => p.person.nationCode !== nationCode)) {
    throw invalid(
      'invitees',
      'a delegation is of one nation; invite each nation apart',
      'one_nation',
    );
  }
  // A nation that may not see the session would be invited to something it cannot open.
  if (!(await selectSession(ctx.tx, { kind: 'nation', nationCode }, sessionCode))) {
    throw invalid('invitees', `${sessionCode} is not open to ${nationCode}`, 'not_releasable');
  }
  refuseBadDelegation(
    people.map((p) => p.role),
    await q.selectNationRoles(ctx.tx, session.id, nationCode),
  );

  const ids: string[] = [];
  for (const { person, role } of people) {
    let created: q.NominationRow;
    try {
      created = await q.insertNomination(ctx.tx, {
        sessionId: session.id,
        participantId: person.id,
        nationCode,
        status: 'invited',
        eventRole: role,
        invitedAt: now,
        motivation: input.message ?? null,
        proposedBy: ctx.actor.id,
        // Shown for information: the centre's choice of a speaker or a VIP is not bound by
        // the rules that filter a nation's nominees.
        eligibility: await eligibilityOf(ctx.tx, session, person, now),
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw conflict(
        'already_nominated',
        `${person.familyNameLatin} already has an open nomination or invitation for ${session.code}.`,
      );
    }
    await q.insertEvent(ctx.tx, {
      nominationId: created.id,
      actorId: ctx.actor.id,
      action: 'invite',
      fromStatus: null,
      toStatus: 'invited',
      reason: null,
      onBehalfOf: null,
    });
    await recordAudit(ctx, {
      action: 'nomination.invited',
      entityType: 'nomination',
      entityId: created.id,
      after: created,
    });
    await announceLater(ctx.tx, created.id, 'invite');
    ids.push(created.id);
  }
  const listed = await listInvitations(ctx, sessionCode);
  return listed.filter((i) => ids.includes(i.nominationId));
}

/** The invitations the reader may see, of one session or all: the registrar's RSVP board. */
export async function listInvitations(
  ctx: ServiceContext,
  sessionCode?: string,
): Promise<Invitation[]> {
  const rows = await q.selectInvitations(ctx.tx, ctx.actor, sessionCode);
  return rows.map((row) => presentInvitation(row, ctx.actor));
}

/** One invitation as the reader sees it; another nation's is "not found". */
export async function getInvitation(ctx: ServiceContext, id: string): Promise<Invitation> {
  const row = await q.selectNomination(ctx.tx, ctx.actor, id);
  if (!row?.nomination.invitedAt) throw notFound(`The invitation ${id}`);
  return presentInvitation(row, ctx.actor);
}

/** Who may answer for an invitee: their nation's NPOC, the person themselves, the centre. */
export function mayAnswer(row: q.JoinedNomination, actor: Actor): boolean {
  if (actor.permissions.has('sessions.manage')) return true;
  if (actor.scope.kind !== 'nation' || actor.scope.nationCode !== row.nomination.nationCode) {
    return false;
  }
  return actor.roles.includes('npoc') || row.participant.userId === actor.id;
}

export function presentInvitation(
  row: q.JoinedNomination,
  actor: Actor,
  now = new Date(),
): Invitation {
  const { nomination: n, participant: p } = row;
  const status = n.status as NominationStatus;
  const arabic = [p.givenNamesArabic, p.familyNameArabic].filter(Boolean).join(' ');
  return {
    nominationId: n.id,
    sessionCode: row.session.code,
    activityTitle: row.activity.title,
    startDate: row.session.startDate,
    endDate: row.session.endDate,
    nationCode: n.nationCode,
    participantId: p.id,
    participantName: {
      latin: `${p.familyNameLatin.toUpperCase()}, ${p.givenNamesLatin}`,
      arabic: arabic || null,
    },
    rankTitle: p.rankTitle,
    role: (n.eventRole ?? 'participant') as EventRole,
    rsvp: rsvpStateOf(status),
    invitedAt: (n.invitedAt ?? n.createdAt).toISOString(),
    answeredAt: status === 'invited' ? null : (n.decidedAt?.toISOString() ?? null),
    message: n.motivation,
    // Once the session has started the answer stands (rsvp.ts refuses it): nothing to offer.
    answers:
      mayAnswer(row, actor) && canWithdrawOn(dateIn(now, row.venue.timeZone), row.session.startDate)
        ? rsvpAnswers(status)
        : [],
  };
}
