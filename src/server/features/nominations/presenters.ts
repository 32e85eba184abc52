import { EventRole } from '../../../contract/catalogue.js';
import type { LocalizedText } from '../../../contract/common.js';
import type {
  Eligibility,
  Nomination,
  NominationAction,
  NominationEvent,
  NominationStatus,
  NominationSummary,
  SelectionConflict,
} from '../../../contract/nominations.js';
import { actionsFor } from '../../../domain/nomination-lifecycle.js';
import type { Actor } from '../../http/actor.js';
import type { JoinedNomination } from './queries.js';

export interface WaitlistPlaceText {
  position: number;
  reason: string;
  entitled: boolean;
  priority: number | null;
  submittedAt: string;
  selectedElsewhere: SelectionConflict | null;
}

function latinName(p: JoinedNomination['participant']): string {
  return `${p.familyNameLatin.toUpperCase()}, ${p.givenNamesLatin}`;
}

function arabicName(p: JoinedNomination['participant']): string | null {
  const parts = [p.givenNamesArabic, p.familyNameArabic].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The moves this reader may make now; a nomination past its session's start cannot be withdrawn. */
export function actionsOf(row: JoinedNomination, actor: Actor): NominationAction[] {
  return actionsFor(row.nomination.status as NominationStatus, actor.roles, {
    isDirectorOfSession: row.session.directorId === actor.id,
  }).filter((action) => {
    if (action === 'submit' || action === 'decline' || action === 'withdraw') {
      return (
        actor.permissions.has('nominations.propose') || actor.permissions.has('nominations.submit')
      );
    }
    return actor.permissions.has('nominations.decide');
  });
}

export function presentNominationSummary(
  row: JoinedNomination,
  actor: Actor,
  waitlist: WaitlistPlaceText | null = null,
): NominationSummary {
  const { nomination: n, participant: p } = row;
  return {
    id: n.id,
    sessionCode: row.session.code,
    activityTitle: row.activity.title,
    startDate: row.session.startDate,
    endDate: row.session.endDate,
    nationCode: n.nationCode,
    participantId: p.id,
    participantName: { latin: latinName(p), arabic: arabicName(p) },
    rankCode: p.rankCode,
    rankTitle: p.rankTitle,
    status: n.status as NominationStatus,
    priority: n.priority,
    seatSource: (n.seatSource as 'quota' | 'pool' | null) ?? null,
    eligibility: n.eligibility as Eligibility,
    overridden: n.overrideJustification !== null,
    submittedAt: n.submittedAt?.toISOString() ?? null,
    decisionReason: n.decisionReason,
    eventRole: EventRole.safeParse(n.eventRole).data ?? null,
    invitedAt: n.invitedAt?.toISOString() ?? null,
    waitlist,
    allowedActions: actionsOf(row, actor),
  };
}

export function presentNomination(
  row: JoinedNomination,
  actor: Actor,
  events: {
    at: Date;
    actorName: string | null;
    action: string;
    fromStatus: string | null;
    toStatus: string;
    reason: string | null;
    onBehalfOf: string | null;
    onBehalfOfName: LocalizedText | null;
  }[],
  waitlist: WaitlistPlaceText | null = null,
): Nomination {
  const timeline: NominationEvent[] = events.map((e) => ({
    at: e.at.toISOString(),
    actorName: e.actorName,
    action: e.action,
    fromStatus: (e.fromStatus as NominationStatus | null) ?? null,
    toStatus: e.toStatus as NominationStatus,
    reason: e.reason,
    onBehalfOf: e.onBehalfOf
      ? { code: e.onBehalfOf, name: e.onBehalfOfName ?? { en: e.onBehalfOf } }
      : null,
  }));
  return {
    ...presentNominationSummary(row, actor, waitlist),
    motivation: row.nomination.motivation,
    overrideJustification: row.nomination.overrideJustification,
    substituteFor: row.nomination.substituteFor,
    timeline,
  };
}

/**
 * "Quota seats still owed to QAT · priority 2 · submitted 2027-01-03 10:00 UTC", and why
 * automatic promotion passes the nomination over when the person is selected elsewhere.
 */
export function waitlistReasonText(
  reason: {
    entitled: boolean;
    priority: number | null;
    submittedAt: string;
    selectedElsewhere?: SelectionConflict | null;
  },
  nationCode: string,
): string {
  const elsewhere = reason.selectedElsewhere;
  const parts = [
    reason.entitled
      ? `${nationCode} still has quota seats`
      : `${nationCode}'s quota is used; open pool`,
    reason.priority !== null ? `nation priority ${reason.priority}` : 'no nation priority',
    `submitted ${reason.submittedAt.slice(0, 16).replace('T', ' ')} UTC`,
    ...(elsewhere
      ? [
          `not promoted automatically: selected on ${elsewhere.sessionCode} (${elsewhere.startDate} to ${elsewhere.endDate}) over the same days`,
        ]
      : []),
  ];
  return parts.join(' · ');
}
