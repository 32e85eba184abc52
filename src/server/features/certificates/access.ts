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
 * Reading a session's certificate list: centre staff and observers on any session, its own
 * director and instructors on theirs.
 */
export function assertMayRead(
  actor: Actor,
  session: { directorId: string | null },
  teaches: boolean,
): void {
  if (isCentreStaff(actor) || actor.roles.includes('observer')) return;
  if (session.directorId === actor.id || teaches) return;
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
