import type { NominationAction } from '../../../contract/nominations.js';
import { ACTION_SIDE } from '../../../domain/nomination-lifecycle.js';
import type { Actor } from '../../http/actor.js';
import { SYSTEM_ACTOR_ID } from '../audit/record.js';

/**
 * The nation a nation's move (a nomination, a submission, a substitution, a withdrawal) is made
 * for when its maker is not one of that nation's own points of contact or nominators: centre
 * staff may nominate for a nation, but only with the timeline and the audit trail saying so.
 * Null when the nation acts itself, and for the centre's own decisions (select, waitlist,
 * reject), which are the centre's to make and say nothing about a nation's choice, and for
 * the system itself (the demo loader), which is no member of staff choosing for a nation.
 */
export function onBehalfOf(
  actor: Pick<Actor, 'id' | 'roles' | 'nationCode'>,
  nationCode: string,
  action: NominationAction | 'propose' | 'substitute' = 'propose',
): string | null {
  if (actor.id === SYSTEM_ACTOR_ID) return null;
  if (action !== 'propose' && action !== 'substitute' && ACTION_SIDE[action] === 'centre') {
    return null;
  }
  const ownNation =
    actor.nationCode === nationCode &&
    actor.roles.some((role) => role === 'npoc' || role === 'nominator');
  return ownNation ? null : nationCode;
}
