import type { DocumentReaderFacts } from '../../../domain/document-access.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import * as q from './queries.js';

const isCentreStaff = (actor: Actor) =>
  actor.roles.includes('administrator') || actor.roles.includes('registrar');

/** What the access rules need to know of a reader for one owner, read with as few queries as can be. */
export async function readerFacts(
  db: DbOrTx,
  actor: Actor,
  owner: q.DocumentOwner,
): Promise<DocumentReaderFacts> {
  const centreStaff = isCentreStaff(actor);
  const deliveryStaff =
    actor.roles.includes('course_director') || actor.roles.includes('instructor');
  let ownerStaff = false;
  if (!centreStaff && deliveryStaff) {
    ownerStaff =
      owner.kind === 'activity' ||
      owner.directorId === actor.id ||
      (await q.instructs(db, owner.sessionId, actor.id));
  }
  const participatingNpoc =
    !centreStaff && actor.roles.includes('npoc') && actor.nationCode !== null
      ? await q.nationTakesPart(db, owner, actor.nationCode)
      : false;
  const selectedParticipant =
    !centreStaff && actor.roles.includes('participant')
      ? await q.selectedThere(db, owner, actor.id)
      : false;
  return { centreStaff, ownerStaff, participatingNpoc, selectedParticipant };
}

/**
 * Who may upload and delete: an administrator or registrar anywhere; a course director on the
 * sessions they direct (not on the catalogue's activities, which are the centre's).
 */
export function mayManage(actor: Actor, owner: q.DocumentOwner): boolean {
  if (!actor.permissions.has('documents.manage')) return false;
  if (isCentreStaff(actor)) return true;
  return owner.kind === 'session' && owner.directorId === actor.id;
}
