import type { Actor } from '../../http/actor.js';

/**
 * Whether the actor may keep this session's roster: centre staff on any session, a course
 * director or instructor only on the sessions they are assigned to.
 */
export function keepsRoster(
  actor: Actor,
  session: { directorId: string | null },
  teaches: boolean,
): boolean {
  if (actor.roles.includes('administrator') || actor.roles.includes('registrar')) return true;
  return session.directorId === actor.id || teaches;
}
