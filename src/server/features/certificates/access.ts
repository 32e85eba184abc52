import type { NationScope } from '../../../domain/access.js';
import type { Actor } from '../../http/actor.js';
import { forbidden, notFound } from '../../http/errors.js';

const isCentreStaff = (actor: Actor) =>
  actor.roles.includes('administrator') || actor.roles.includes('registrar');

/**
 * Issuing on a session: centre staff on any, a course director only on the sessions they
 * direct (the permission alone would let them issue on any).
 */
export function assertMayIssue(actor: Actor, session: { directorId: string | null }): void {
  if (isCentreStaff(actor)) return;
  if (actor.roles.includes('course_director') && session.directorId === actor.id) return;
  throw forbidden();
}

/**
 * Whose rows of a session's certificate list the actor may read: centre staff and the
 * session's own director and instructors read every nation's; an observer reads within their
 * nation scope (an observer of Qatar sees Qatar's participants only). Anyone else is refused.
 */
export function certificateListScope(
  actor: Actor,
  session: { directorId: string | null },
  teaches: boolean,
): NationScope {
  if (isCentreStaff(actor)) return { kind: 'all' };
  if (session.directorId === actor.id || teaches) return { kind: 'all' };
  if (actor.roles.includes('observer')) return actor.scope;
  throw forbidden();
}

/**
 * Downloading one certificate: its holder, their nation's NPOC, centre staff and the
 * session's director. Someone of another nation, or of the same nation without a right to it,
 * is told it does not exist; centre-side users without a right are refused.
 */
export function assertMayDownload(
  actor: Actor,
  certificate: { nationCode: string; holderUserId: string | null; directorId: string | null },
): void {
  if (isCentreStaff(actor)) return;
  if (certificate.holderUserId === actor.id) return;
  if (actor.scope.kind === 'nation') {
    if (actor.scope.nationCode === certificate.nationCode && actor.roles.includes('npoc')) return;
    throw notFound('The certificate');
  }
  if (certificate.directorId === actor.id) return;
  throw forbidden();
}
