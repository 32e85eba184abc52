import type { NationScope } from '../../../domain/access.js';
import type { Actor } from '../../http/actor.js';

const CENTRE_STAFF = ['administrator', 'registrar'] as const;

const isCentreStaff = (actor: Actor) => actor.roles.some((r) => CENTRE_STAFF.includes(r as never));

/**
 * Whether the actor may handle every selected nomination of their scope, or only their own:
 * centre staff and NPOCs work for others, a participant only for themself. They are also the
 * only readers of the sheet who see passport numbers.
 */
export function managesOthers(actor: Actor): boolean {
  return isCentreStaff(actor) || actor.roles.includes('npoc');
}

/**
 * Whose rows of a session's sheet the actor may read, or null when none. Centre staff and the
 * session's own director and instructors read every nation's; an NPOC or observer reads within
 * their nation scope. A director or instructor of another session reads nothing here.
 */
export function sheetScopeOf(
  actor: Actor,
  session: { directorId: string | null },
  teaches: boolean,
): NationScope | null {
  if (isCentreStaff(actor)) return { kind: 'all' };
  if (session.directorId === actor.id || teaches) return { kind: 'all' };
  if (actor.roles.includes('npoc') || actor.roles.includes('observer')) return actor.scope;
  return null;
}
