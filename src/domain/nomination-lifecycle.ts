import type { NominationAction, NominationStatus } from '../contract/nominations.js';
import type { Role } from '../contract/roles.js';

/**
 * A nomination's state machine by action. Substitution is not an action here: it replaces a
 * selected nomination by a new one and is handled on its own (see `canSubstitute`).
 */
const TRANSITIONS: Record<NominationStatus, Partial<Record<NominationAction, NominationStatus>>> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  proposed: { submit: 'submitted', decline: 'declined', withdraw: 'withdrawn' },
  // The centre's invitation by name: the nation answers it (see `rsvpTarget`), or it is
  // declined or withdrawn like a proposal.
  invited: { decline: 'declined', withdraw: 'withdrawn' },
  submitted: {
    select: 'selected',
    waitlist: 'waitlisted',
    reject: 'rejected',
    withdraw: 'withdrawn',
  },
  waitlisted: { select: 'selected', reject: 'rejected', withdraw: 'withdrawn' },
  selected: { reject: 'rejected', withdraw: 'withdrawn' },
  rejected: {},
  withdrawn: {},
  declined: {},
  substituted: {},
  'session-cancelled': {},
};

/** Which side of the relationship makes each move: the nation's NPOC, the nation, or the centre. */
export const ACTION_SIDE: Readonly<Record<NominationAction, 'nation-npoc' | 'nation' | 'centre'>> =
  {
    submit: 'nation-npoc',
    decline: 'nation-npoc',
    withdraw: 'nation',
    select: 'centre',
    waitlist: 'centre',
    reject: 'centre',
  };

/** The status `action` leads to from `status`, or null when the move is not allowed. */
export function targetOf(
  status: NominationStatus,
  action: NominationAction,
): NominationStatus | null {
  return TRANSITIONS[status][action] ?? null;
}

/** The actions possible from `status`, whoever makes them. */
export function allowedActions(status: NominationStatus): NominationAction[] {
  return Object.keys(TRANSITIONS[status]) as NominationAction[];
}

/** Saying no to someone, or pulling out, must be explained to the other side. */
export function reasonRequired(action: NominationAction): boolean {
  return action === 'reject' || action === 'decline' || action === 'withdraw';
}

/** Final statuses are history: nothing moves out of them. */
export function isFinal(status: NominationStatus): boolean {
  return allowedActions(status).length === 0;
}

/** Only a selected nomination takes a seat; waitlisted ones wait for one. */
export function holdsSeat(status: NominationStatus): boolean {
  return status === 'selected';
}

/** A live nomination still counts for overlaps, quotas and "pending" figures. */
export function isLive(status: NominationStatus): boolean {
  return !isFinal(status);
}

/**
 * What a nomination becomes when its session is cancelled: every live one ends as
 * `session-cancelled` (its seat, if any, goes back); one already final keeps its history.
 */
export function afterSessionCancelled(status: NominationStatus): NominationStatus {
  return isLive(status) ? 'session-cancelled' : status;
}

/** A nation may swap someone for a seat it already holds, and only then. */
export function canSubstitute(status: NominationStatus): boolean {
  return status === 'selected';
}

const CENTRE_ROLES: readonly Role[] = ['registrar', 'administrator'];

/**
 * The actions a user holding `roles` may take on a nomination in `status`. A course director
 * decides only on their own sessions; a nominator may only pull back what is not yet submitted.
 */
export function actionsFor(
  status: NominationStatus,
  roles: readonly Role[],
  opts: { isDirectorOfSession: boolean },
): NominationAction[] {
  const centre =
    roles.some((r) => CENTRE_ROLES.includes(r)) ||
    (roles.includes('course_director') && opts.isDirectorOfSession);
  const npoc = roles.includes('npoc');
  const nominator = roles.includes('nominator') && (status === 'draft' || status === 'proposed');
  return allowedActions(status).filter((action) => {
    const side = ACTION_SIDE[action];
    if (side === 'centre') return centre;
    if (side === 'nation-npoc') return npoc;
    return npoc || nominator;
  });
}

/** Withdrawal stops once the session has started (ISO dates compare as strings). */
export function canWithdrawOn(today: string, sessionStart: string): boolean {
  return today < sessionStart;
}
