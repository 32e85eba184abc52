import type { RsvpState } from '../contract/invitations.js';
import type { NominationStatus } from '../contract/nominations.js';

/**
 * Where a nation's answer (RSVP) leads an invitation: accepting a pending one takes a seat
 * (`selected`); declining a pending or an accepted one ends it (`declined`, the seat given back).
 * Null when the answer does not fit (answered already, or no longer live).
 */
export function rsvpTarget(
  status: NominationStatus,
  answer: 'accept' | 'decline',
): NominationStatus | null {
  if (status === 'invited') return answer === 'accept' ? 'selected' : 'declined';
  if (status === 'selected' && answer === 'decline') return 'declined';
  return null;
}

/** The answers an invitation in `status` may still take. */
export function rsvpAnswers(status: NominationStatus): ('accept' | 'decline')[] {
  return (['accept', 'decline'] as const).filter((a) => rsvpTarget(status, a) !== null);
}

/** How the centre reads an invitation's state from its nomination's status. */
export function rsvpStateOf(status: NominationStatus): RsvpState {
  if (status === 'invited') return 'pending';
  if (status === 'selected') return 'accepted';
  if (status === 'declined') return 'declined';
  return 'withdrawn';
}
